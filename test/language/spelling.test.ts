import { editDistance, SpellingCorrector } from '../../language/text/spelling';

describe('editDistance (optimal string alignment)', () => {
  test.each<[string, string, number]>([
    ['help', 'help', 0], ['hlep', 'help', 1], ['cancle', 'cancel', 1], ['humna', 'human', 1],
    ['reccomend', 'recommend', 2], ['kitten', 'sitting', 3], ['', 'abc', 3], ['abc', '', 3],
  ])('%j vs %j = %i', (a, b, expected) => {
    expect(editDistance(a, b, 5)).toBe(expected);
  });

  test('stops early past the cap', () => {
    expect(editDistance('abcdefgh', 'zyxwvuts', 2)).toBe(3);
  });
});

describe('SpellingCorrector', () => {
  const corrector = new SpellingCorrector(['hello', 'help', 'cancel', 'unsubscribe', 'human']);

  test.each<[string, string[]]>([
    ['help', ['help']],
    ['cancle', ['cancel']],
    ['unsubscibe', ['unsubscribe']],
    ['helo', ['hello', 'help']],
    ['xyzzy', []],
    ['hlp', ['hlp']],
    ['a1b2', ['a1b2']],
  ])('%j -> %p', (token, expected) => {
    expect([...corrector.candidates(token)].sort()).toEqual([...expected].sort());
  });
});
