import { readSecondFactor, readSpokenEmail, readSpokenOrderNumber, readSpokenPostcode } from '../../language/entities/spokenContact';

describe('spoken sign-in details', () => {
  it.each([
    ['priya dot shah at example dot com', 'priya.shah@example.com'],
    ['Priya dot Shah at example.com.', 'priya.shah@example.com'],
    ['p r i y a dot s h a h at example dot com', 'priya.shah@example.com'],
    ["it's alice dot morgan at example dot com", 'alice.morgan@example.com'],
    ['jonas underscore becker two at example dot co dot uk', 'jonas_becker2@example.co.uk'],
    ['ADA@example.com ', 'ada@example.com'],
    ['my name is Ada', null],
    ['at at dot', null],
  ])('email %j -> %j', (spoken, email) => {
    expect(readSpokenEmail(spoken)).toBe(email);
  });

  it.each([
    ['m one one a e', 'M1 1AE'],
    ['em one one ay ee', 'M1 1AE'],
    ['my postcode is s w one a one a a', 'SW1A 1AA'],
    ['b s one four d j', 'BS1 4DJ'],
    ['one zero one one five', '10115'],
    ['e1 6an', 'E1 6AN'],
    ['hello there', null],
  ])('postcode %j -> %j', (spoken, postcode) => {
    expect(readSpokenPostcode(spoken)).toBe(postcode);
  });

  it.each([
    ['five eight one three seven five', '581375'],
    ['order number five seven nine double zero three', '579003'],
    ['c five three six three six five', 'C536365'],
    ['five eight one', null],
  ])('order number %j -> %j', (spoken, order) => {
    expect(readSpokenOrderNumber(spoken)).toBe(order);
  });

  it('leaves a second factor it cannot read as it was typed', () => {
    expect(readSecondFactor(' ZZ9 9ZZ ')).toBe('ZZ9 9ZZ');
    expect(readSecondFactor('wrong1')).toBe('wrong1');
  });
});
