import { DuplicateKeyError, KeyedList } from '../../data/lowdb/keyedList';

interface Row { id: string; v: number }

function list(ids: string[]): { items: Row[]; keyed: KeyedList<Row> } {
  const items = ids.map((id, v) => ({ id, v }));
  return { items, keyed: new KeyedList(items, (r) => r.id, 'row') };
}

describe('KeyedList', () => {
  it.each([['first', 'a'], ['middle', 'b'], ['last', 'c']])('removes the %s item and keeps every other one reachable', (_where, key) => {
    const { items, keyed } = list(['a', 'b', 'c']);
    expect(keyed.remove(key)?.id).toBe(key);
    expect(items).toHaveLength(2);
    for (const id of ['a', 'b', 'c'].filter((k) => k !== key)) expect(keyed.get(id)?.id).toBe(id);
    expect(keyed.get(key)).toBeUndefined();
    expect(keyed.remove(key)).toBeUndefined();
  });

  it('upserts in place and inserts new keys at the end of the shared array', () => {
    const { items, keyed } = list(['a', 'b']);
    expect(keyed.upsert({ id: 'a', v: 9 })?.v).toBe(0);
    expect(keyed.upsert({ id: 'c', v: 2 })).toBeUndefined();
    expect(items).toEqual([{ id: 'a', v: 9 }, { id: 'b', v: 1 }, { id: 'c', v: 2 }]);
  });

  it('refuses duplicate keys on load and on insert', () => {
    expect(() => list(['a', 'a'])).toThrow(DuplicateKeyError);
    const { keyed } = list(['a']);
    expect(() => keyed.insert({ id: 'a', v: 5 })).toThrow('duplicate row id "a"');
  });
});
