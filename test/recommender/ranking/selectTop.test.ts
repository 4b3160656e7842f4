/** selectTopByValue must give exactly what "filter, then sort by value desc / id asc, then cut" gives. */
import { seededRandom } from '../../../domain/random';
import { selectTop, selectTopByValue, selectTopByValueUnordered, selectTopPositions } from '../../../recommender/ranking/selectTop';

function reference(ids: number[], k: number, values: Float64Array, accept: (id: number) => boolean): number[] {
  return ids.filter(accept).sort((a, b) => values[b] - values[a] || a - b).slice(0, k);
}

describe('selectTopByValue', () => {
  const next = seededRandom(7);
  // Few distinct values so ties by id matter; ids in random order.
  const values = Float64Array.from({ length: 500 }, () => Math.floor(next() * 20));
  const ids = Array.from({ length: 500 }, (_, i) => i).sort(() => next() - 0.5);

  it.each([
    ['everything accepted, k = 10', 10, (): boolean => true],
    ['every third id rejected, k = 50', 50, (id: number): boolean => id % 3 !== 0],
    ['k larger than the accepted ids', 400, (id: number): boolean => id % 2 === 0],
    ['nothing accepted', 5, (): boolean => false],
    ['k = 0', 0, (): boolean => true],
  ])('%s', (_name, k, accept) => {
    expect(selectTopByValue(ids, k, values, accept)).toEqual(reference(ids, k, values, accept));
  });

  // Lists much longer than k take the quickselect cut first: ties at the cut, rejections inside it, a few distinct values.
  it.each([
    ['continuous values, k = 7', 7, 1e6, (): boolean => true],
    ['three distinct values, k = 20', 20, 3, (id: number): boolean => id % 5 !== 0],
    ['one value, k = 30', 30, 1, (id: number): boolean => id % 2 === 1],
    ['most of the cut rejected, k = 40', 40, 50, (id: number): boolean => id % 11 === 0],
  ])('long list: %s', (_name, k, distinct, accept) => {
    const n = 3000;
    const longValues = Float64Array.from({ length: n }, () => Math.floor(next() * distinct) / 7);
    const longIds = Array.from({ length: n }, (_, i) => i).sort(() => next() - 0.5);
    expect(selectTopByValue(longIds, k, longValues, accept)).toEqual(reference(longIds, k, longValues, accept));
  });

  it('unordered: the same ids as the sorted top, from a prefix of the list', () => {
    for (const k of [1, 25, 200, 600]) {
      const unordered = selectTopByValueUnordered(ids, k, values, 450);
      expect([...unordered].sort((a, b) => values[b] - values[a] || a - b)).toEqual(reference(ids.slice(0, 450), k, values, () => true));
    }
  });

  it('asks `accept` only about ids that would enter the top', () => {
    const asked = new Set<number>();
    const top = selectTopByValue(ids, 10, values, (id) => (asked.add(id), true));
    expect(top).toEqual(selectTop(ids, 10, (a, b) => values[a] > values[b] || (values[a] === values[b] && a < b)));
    expect(asked.size).toBeLessThan(ids.length / 2);
  });
});

describe('selectTop and selectTopPositions', () => {
  const next = seededRandom(11);
  const values = Float64Array.from({ length: 800 }, () => Math.floor(next() * 15));
  const ids = Array.from({ length: 800 }, (_, i) => i).sort(() => next() - 0.5);

  it.each([0, 1, 7, 100, 799, 800, 2000])('selectTop keeps the k best under the order, best first (k = %i)', (k) => {
    const better = (a: number, b: number): boolean => values[a] > values[b] || (values[a] === values[b] && a < b);
    expect(selectTop(ids, k, better)).toEqual(reference(ids, k, values, () => true));
  });

  it.each([0, 1, 50, 600, 800])('selectTopPositions reads values aligned with the ids, ties by lower id (k = %i)', (k) => {
    const count = 600; // a reused scratch list: only its first entries count
    const aligned = Float64Array.from(ids, (id) => values[id]);
    const positions = selectTopPositions(ids, aligned, count, k);
    expect(positions.map((n) => ids[n])).toEqual(reference(ids.slice(0, count), k, values, () => true));
  });
});
