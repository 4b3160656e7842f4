import { parseSatisfaction } from '../../language/entities/satisfaction';

describe('satisfaction in words, on the 1-5 scale', () => {
  it.each([
    ['excellent', 5], ['It was great!', 5], ['very good', 5], ['really helpful', 5],
    ['good', 4], ['pretty good thanks', 4], ['I was happy with it', 4],
    ['it was fine', 3], ['OK', 3], ['so-so', 3], ['not bad', 3], ['not too bad', 3],
    ['not great', 2], ['not very good', 2], ["I didn't like it", 2], ['poor', 2], ['a bit disappointing', 2],
    ['very bad', 1], ['terrible', 1], ['useless!', 1],
  ])('"%s" is %i', (text, score) => {
    expect(parseSatisfaction(text)).toBe(score);
  });

  it.each([
    ['banana'], [''], ['show me candles'],
    ['the lanterns you showed were good but the search could use more filters for colour and size'],
  ])('"%s" is not read as a rating', (text) => {
    expect(parseSatisfaction(text)).toBeNull();
  });
});
