import { singular, wordForms } from '../../domain/words';

describe('plurals folded to the singular', () => {
  it.each([
    ['bottles', 'bottle'], ['trees', 'tree'], ['boxes', 'box'], ['candies', 'candy'], ['dishes', 'dish'], ['glasses', 'glass'],
    ['glass', 'glass'], ['cactus', 'cactus'], ['bus', 'bus'], ['mug', 'mug'], ['decorations', 'decoration'],
  ])('%s -> %s', (word, one) => {
    expect(singular(word)).toBe(one);
  });

  it('gives the forms a name may hold a word in, both ways', () => {
    expect(wordForms('bottles')).toEqual(expect.arrayContaining(['bottles', 'bottle']));
    expect(wordForms('box')).toEqual(expect.arrayContaining(['box', 'boxes']));
    expect(wordForms('tree')).toEqual(expect.arrayContaining(['tree', 'trees']));
  });
});
