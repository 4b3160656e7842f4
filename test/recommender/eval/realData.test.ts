/**
 * One reduced run on the real Online Retail file (recommender, popularity and EASE, cutoff 2011-09-01):
 * the protocol's user and item counts, the reference rows of popularity and EASE, and the recommender far ahead of
 * popularity in both variants.
 * The full table is `npm run eval`; this test skips, saying why, where ../shared is absent.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadRetailTransactions } from '../../../data/import/onlineRetailCsv';
import { runEvaluation, type EvalReport } from '../../../recommender/eval/runEval';
import { parseCutoff } from '../../../recommender/eval/split';

const FILE = join(__dirname, '../../../../shared/data/online-retail/online_retail.csv.gz');
const present = existsSync(FILE);
if (!present) console.warn(`skipping the real-data evaluation: ${FILE} is absent`);
const describeReal = present ? describe : describe.skip;

describeReal('OR-T on the real file (reduced)', () => {
  let report: EvalReport;

  beforeAll(async () => {
    const { rows } = await loadRetailTransactions(FILE);
    report = runEvaluation(rows, parseCutoff('2011-09-01'), { methods: ['recommender', 'popularity', 'ease'] });
  }, 300_000); // the recommender now learns its weights at build: slower on a shared machine

  it('finds the protocol\'s test users and train items', () => {
    expect(report.variants.all.users).toBe(1947);
    expect(report.variants.new.users).toBe(1886);
    expect(report.trainItems).toBe(3388);
  });

  it('reproduces the reference EASE row (λ 250 in "all", 500 in "new")', () => {
    const { all, new: fresh } = report.variants;
    expect([all.methods.ease.hr10, all.methods.ease.ndcg10, fresh.methods.ease.hr10, fresh.methods.ease.ndcg10].map((x) => x.toFixed(3)))
      .toEqual(['0.744', '0.309', '0.536', '0.124']);
  });

  it('reproduces the reference popularity figures and ranks the recommender far ahead', () => {
    expect(report.variants.all.methods.popularity.hr10).toBeCloseTo(0.573, 3);
    expect(report.variants.new.methods.popularity.hr10).toBeCloseTo(0.332, 3);
    for (const variant of ['all', 'new'] as const) {
      const { recommender, popularity } = report.variants[variant].methods;
      expect(recommender.ndcg10).toBeGreaterThan(2 * popularity.ndcg10);
    }
  });
});
