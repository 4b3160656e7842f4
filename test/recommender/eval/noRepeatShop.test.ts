/**
 * A shop where nobody buys the same item twice, made from the real Online Retail file (each customer's first purchase
 * of each item kept). The recommender must learn that re-buys predict nothing there and still beat popularity,
 * item-kNN and EASE in both variants. Evaluated on validation cut A inside the main train period (train Dec 2010 -
 * May 2011, test Jun - Aug 2011); on the shorter cut B (train Dec - Feb) "new" ties EASE (0.1515 vs 0.1518, see
 * recommender/eval/README.md). `npm run eval -- --no-repeats` gives the full table at any cut.
 * Skips, saying why, where ../shared is absent.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadRetailTransactions } from '../../../data/import/onlineRetailCsv';
import { runEvaluation, type EvalReport } from '../../../recommender/eval/runEval';
import { firstPurchasesOnly, parseCutoff, type Transaction } from '../../../recommender/eval/split';
import { tx } from './fixture';

const FILE = join(__dirname, '../../../../shared/data/online-retail/online_retail.csv.gz');
const present = existsSync(FILE);
if (!present) console.warn(`skipping the no-repeat shop: ${FILE} is absent`);
const describeReal = present ? describe : describe.skip;

describe('firstPurchasesOnly', () => {
  it('keeps each customer\'s earliest invoice of each item and drops later ones', () => {
    const rows: Transaction[] = [tx('2', 'u', '2011-02-01', 'A'), tx('1', 'u', '2011-01-01', 'A'), tx('1', 'u', '2011-01-01', 'B'), tx('3', 'v', '2011-03-01', 'A'), tx('2', 'u', '2011-02-01', 'C')];
    expect(firstPurchasesOnly(rows).map((r) => `${r.invoiceNo}${r.customerId}${r.stockCode}`)).toEqual(['1uA', '1uB', '3vA', '2uC']);
  });
});

describeReal('the no-repeat shop from the real file', () => {
  let report: EvalReport;

  beforeAll(async () => {
    const { rows } = await loadRetailTransactions(FILE);
    const until = parseCutoff('2011-09-01');
    const shop = firstPurchasesOnly(rows).filter((row) => row.time < until);
    report = runEvaluation(shop, parseCutoff('2011-06-01'), { methods: ['recommender', 'popularity', 'item_knn', 'ease'] });
  }, 600_000);

  it('learns that re-buys predict nothing', () => {
    const weights = report.learnt?.weights;
    expect(weights).toBeDefined();
    expect((weights?.repeat ?? 1) + (weights?.repeat_recent ?? 1) + (weights?.repeat_momentum ?? 1) + (weights?.repeat_shared ?? 1)).toBeLessThan(0.05);
  });

  it.each(['all', 'new'] as const)('beats popularity, item-kNN and EASE in variant "%s"', (variant) => {
    const { recommender, popularity, item_knn: itemKnn, ease } = report.variants[variant].methods;
    for (const baseline of [popularity, itemKnn, ease]) expect(recommender.ndcg10).toBeGreaterThan(baseline.ndcg10);
  });
});
