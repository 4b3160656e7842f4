/** PackedLists must read back exactly what was pushed, list by list, through the moves and rebuilds of its buffer. */
import { seededRandom } from '../../../domain/random';
import { PackedLists } from '../../../recommender/ranking/packedLists';

function contents(lists: PackedLists, list: number): number[] {
  const start = lists.start(list);
  return Array.from(lists.data.subarray(start, start + lists.length(list)));
}

describe('PackedLists', () => {
  it('keeps every list in push order while lists grow unevenly', () => {
    const next = seededRandom(3);
    const lists = new PackedLists();
    const expected: number[][] = [];
    for (let n = 0; n < 20_000; n++) {
      // A few long lists and many short ones, as items and customers are.
      const list = next() < 0.3 ? Math.floor(next() * 5) : Math.floor(next() * 400);
      const value = Math.floor(next() * 1e6) - 5e5;
      lists.push(list, value);
      while (expected.length <= list) expected.push([]);
      expected[list].push(value);
    }
    expect(lists.size).toBe(expected.length);
    expected.forEach((values, list) => expect(contents(lists, list)).toEqual(values));
  });

  it('creates the lists up to a new index empty', () => {
    const lists = new PackedLists();
    lists.push(3, 42);
    lists.ensure(6);
    expect(lists.size).toBe(7);
    expect([0, 1, 2, 4, 5, 6].map((list) => lists.length(list))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(contents(lists, 3)).toEqual([42]);
  });
});
