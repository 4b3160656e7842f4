import fc from 'fast-check';
import { editDistance, SpellingCorrector } from '../../language/text/spelling';

/** The textbook full-matrix optimal string alignment distance, uncapped: what editDistance must agree with. */
function referenceDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}


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

  test('equals the full-matrix distance up to the cap and exceeds the cap beyond it, whatever was compared before', () => {
    // Few letters, so transpositions and near misses are common; calls of every length follow one another (rows are reused).
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é'), maxLength: 14 });
    fc.assert(fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, cap) => {
      const expected = referenceDistance(a, b);
      const got = editDistance(a, b, cap);
      return expected <= cap ? got === expected : got > cap;
    }), { numRuns: 3000 });
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
