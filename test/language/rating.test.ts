import { parseRating } from '../../language/entities/rating';

describe('parseRating', () => {
  test.each<[string, number | null]>([
    ['4', 4],
    ['four', 4],
    ['Four.', 4],
    ['nine out of ten', 9],
    ['8/10', 8],
    ['8 / 10', 8],
    ['a 7', 7],
    ["i'd give it a seven", 7],
    ['five stars', 5],
    ['5 stars!', 5],
    ['one star', 1],
    ['zero', 0],
    ['0', 0],
    ['no stars at all', 0],
    ['ten', 10],
    ['10 out of 10', 10],
    ['full marks', 10],
    ['4.5', 4.5],
    ['three out of five', 3],
    ['six of ten', 6],
    ['maybe a six or so', 6],
    ['it was an eight really', 8],
    ['nonsense', null],
    ['', null],
    ['eleven', null],
    ['11 out of 10', null],
    ['order 536365', null],
    ['one hundred', null],
  ])('%j -> %p', (text, expected) => {
    expect(parseRating(text)).toBe(expected);
  });
});
