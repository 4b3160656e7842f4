import fc from 'fast-check';
import { stringifyInSlices } from '../../data/lowdb/slicedJson';

describe('stringifyInSlices', () => {
  it('writes the same text as JSON.stringify for any JSON document', async () => {
    await fc.assert(fc.asyncProperty(fc.jsonValue(), async (value) => {
      expect(await stringifyInSlices(value, 0)).toBe(JSON.stringify(value));
    }), { numRuns: 300 });
  });

  it('skips undefined members and writes null for undefined array elements, as JSON.stringify does', async () => {
    const value = { a: undefined, items: { x: 1, y: undefined }, list: [undefined, 2], when: new Date(0) };
    expect(await stringifyInSlices(value, 0)).toBe(JSON.stringify(value));
  });

  it('gives the event loop back while it serialises a large document', async () => {
    const items = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`conversation-${i}`, { text: 'x'.repeat(200), n: i }]));
    let ticks = 0;
    const ticker = setInterval(() => { ticks += 1; }, 0);
    const text = await stringifyInSlices({ version: 1, items }, 1);
    clearInterval(ticker);
    expect(JSON.parse(text).items['conversation-19999'].n).toBe(19_999);
    expect(ticks).toBeGreaterThan(0);
  });
});
