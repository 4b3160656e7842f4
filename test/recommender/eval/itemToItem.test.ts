import { anchorQueries, runItemToItem } from '../../../recommender/eval/itemToItem';
import { parseCutoff } from '../../../recommender/eval/split';
import { tx } from './fixture';

const cutoff = parseCutoff('2011-09-01');
// Train: A goes with B (three invoices), with C once. Test: an invoice anchored on A holding B.
const ROWS = [
  tx('1', 'u1', '2011-08-01', 'A'), tx('1', 'u1', '2011-08-01', 'B'),
  tx('2', 'u2', '2011-08-02', 'A'), tx('2', 'u2', '2011-08-02', 'B'),
  tx('3', 'u3', '2011-08-03', 'B'), tx('3', 'u3', '2011-08-03', 'A'),
  tx('4', 'u4', '2011-08-04', 'A'), tx('4', 'u4', '2011-08-04', 'C'),
  tx('5', 'u5', '2011-08-05', 'C'), tx('5', 'u5', '2011-08-05', 'D'), tx('6', 'u6', '2011-08-06', 'D'), tx('6', 'u6', '2011-08-06', 'C'),
  tx('7', 'u1', '2011-09-02', 'Z'), tx('7', 'u1', '2011-09-02', 'A'), tx('7', 'u1', '2011-09-02', 'B'), tx('7', 'u1', '2011-09-02', 'A'),
  tx('8', 'u2', '2011-09-03', 'C'),
];

describe('"more like this" evaluation', () => {
  it('anchors each test invoice on its first item train knows; the other distinct items are relevant; one-item invoices are skipped', () => {
    const queries = anchorQueries(ROWS, cutoff, new Set(['A', 'B', 'C', 'D']));
    expect(queries.map((q) => [q.anchor, [...q.relevant].sort()])).toEqual([['A', ['B', 'Z']]]);
  });

  it('ranks the anchor\'s companions first in every method', () => {
    const report = runItemToItem(ROWS, cutoff);
    expect(report.queries).toBe(1);
    expect(Object.keys(report.methods).sort()).toEqual(['co_purchase', 'ease', 'item_knn', 'recommender']);
    // B is A's strongest companion in train: at rank 1, NDCG@10 = 1 / IDCG over two relevant items (Z is unseen in train).
    for (const metrics of Object.values(report.methods)) expect(metrics.ndcg10).toBeCloseTo(1 / (1 + 1 / Math.log2(3)), 6);
  });
});
