import { buildIndex, order } from './fixtures';

describe('deferred model fits (the served index)', () => {
  it('reads the last EASE fit while deferred, and refreshModels refits it to what a lazy read gives', () => {
    const served = buildIndex();
    served.deferModelFits = true;
    const before = served.ease();
    served.addOrder(order('zoe', '2011-12-01', ['k1', 'x2']));
    expect(served.modelsStale).toBe(true);
    expect(served.ease()).toBe(before); // no fit on the request path
    served.refreshModels();
    expect(served.modelsStale).toBe(false);
    expect(served.deferModelFits).toBe(true);
    const lazy = buildIndex();
    lazy.addOrder(order('zoe', '2011-12-01', ['k1', 'x2']));
    const anchor = served.catalog.indexOf('k1') ?? -1;
    const rows = (index: typeof served) => index.ease()?.recommend([{ item: anchor, weight: 1 }], 5, () => true);
    expect(served.ease()).not.toBe(before);
    expect(rows(served)).toEqual(rows(lazy));
  });
});
