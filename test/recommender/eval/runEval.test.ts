import { recommenderRanker } from '../../../recommender/eval/recommenderMethod';
import { METHOD_NAMES, runEvaluation } from '../../../recommender/eval/runEval';
import { parseCutoff, splitByTime, variantUsers } from '../../../recommender/eval/split';
import { formatReport } from '../../../recommender/eval/table';
import { ROWS } from './fixture';

const cutoff = parseCutoff('2011-09-01');

describe('runEvaluation on a small fixture', () => {
  const report = runEvaluation(ROWS, cutoff);

  it('reports both variants with their user counts and every method', () => {
    expect(report.cutoff).toBe('2011-09-01');
    expect(report.variants.all.users).toBe(2);
    expect(report.variants.new.users).toBe(1);
    expect(Object.keys(report.variants.all.methods).sort()).toEqual([...METHOD_NAMES].sort());
    expect(Object.keys(report.variants.new.methods)).not.toContain('repeat');
  });

  it('gives each method all nine metrics within 0..1', () => {
    for (const variant of Object.values(report.variants)) {
      for (const metrics of Object.values(variant.methods)) {
        expect(Object.keys(metrics).sort()).toEqual(['coverage10', 'hr10', 'hr5', 'ndcg10', 'ndcg5', 'p10', 'p5', 'r10', 'r5']);
        for (const value of Object.values(metrics)) expect(value).toBeGreaterThanOrEqual(0);
        for (const value of Object.values(metrics)) expect(value).toBeLessThanOrEqual(1);
      }
    }
  });

  it('scores the repeat baseline as hand-computed', () => {
    // u1: ranking A,B,C,D vs {A,C,Z}; u2: B,C,A,D vs {B}.
    const log2 = Math.log2;
    const u1 = (1 + 1 / log2(4)) / (1 + 1 / log2(3) + 1 / log2(4));
    expect(report.variants.all.methods.repeat.ndcg10).toBeCloseTo((u1 + 1) / 2, 12);
    expect(report.variants.all.methods.repeat.r10).toBeCloseTo((2 / 3 + 1) / 2, 12);
  });

  it('prints a table naming every method', () => {
    const table = formatReport(report);
    for (const name of METHOD_NAMES) expect(table).toContain(name);
  });

  it('is deterministic', () => {
    expect(runEvaluation(ROWS, cutoff)).toEqual(report);
  });
});

describe('the recommender as an evaluation method', () => {
  const split = splitByTime(ROWS, cutoff);
  const ranker = recommenderRanker(split.train, { segments: new Map(), countries: new Map() });

  it('never ranks an excluded train item in variant "new"', () => {
    for (const user of variantUsers(split, 'new')) {
      const ranking = ranker(user, 10);
      expect(ranking.length).toBeGreaterThan(0);
      for (const item of ranking) expect(user.exclude.has(item)).toBe(false);
    }
  });

  it('ranks the user\'s most repeated item first in variant "all"', () => {
    const u1 = variantUsers(split, 'all')[0];
    expect(ranker(u1, 10)[0]).toBe('A');
  });
});
