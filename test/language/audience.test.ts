/**
 * Who a present is for, by age: a stated age or an unmistakable word makes it a child's or a baby's present; an
 * adult's age, a colour ("baby blue") or a relative named without an age does not.
 */
import { extractAudience } from '../../language/entities/audience';
import { extractRecipient } from '../../language/entities/people';
import { createLocalRecognizer } from '../../language/local/recognizer';
import { tokenize } from '../../language/text/normalize';

describe('the age group a present is for', () => {
  test.each([
    ['a present for my 10-year-old nephew', 'child'],
    ['something for a ten year old', 'child'],
    ['my niece is turning 6', 'child'],
    ['for his 5th birthday', 'child'],
    ['gift ideas for a toddler', 'child'],
    ['something for my little boy', 'child'],
    ['what do kids like', 'child'],
    ['a present for my 18 month old', 'baby'],
    ['a newborn gift', 'baby'],
    ['for the baby', 'baby'],
    ['aged 12', 'child'],
  ])('"%s" is for a %s', (text, audience) => {
    expect(extractAudience(text)).toBe(audience);
  });

  test.each([
    'a gift for my 40 year old husband',
    'her 21st birthday',
    'aged 13',
    'a present for my nephew',
    'a baby blue mug',
    'a baby pink candle',
    'something nice under £10',
  ])('"%s" names no child or baby', (text) => {
    expect(extractAudience(text)).toBeUndefined();
  });
});

describe('recipients named with their age or a word about them', () => {
  test.each([
    ['a present for my 10 year old nephew', 'nephew'],
    ['a gift for my ten year old niece', 'niece'],
    ['something for my grandson', 'grandson'],
    ['a present for our granddaughter', 'granddaughter'],
    ['for my goddaughter', 'godchild'],
    ['a gift for my little sister', 'sister'],
    ['for my mum', 'mum'],
  ])('"%s" is for a %s', (text, recipient) => {
    expect(extractRecipient(tokenize(text).join(' '))).toBe(recipient);
  });

  it('still needs a lead word: "take her time" names nobody', () => {
    expect(extractRecipient('take her time')).toBeUndefined();
  });

  it('reaches the entities of a request', async () => {
    const recognizer = createLocalRecognizer({ keywords: ['mug', 'soft toy'] });
    const { intent, entities } = await recognizer.recognize('I need a present for my 10 year old nephew');
    expect(intent).toBe('get_suggestions');
    expect(entities).toMatchObject({ recipient: 'nephew', audience: 'child', present: true });
  });
});
