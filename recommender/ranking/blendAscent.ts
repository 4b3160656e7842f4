/**
 * Coordinate ascent on the validation window's NDCG@10 (a listwise refinement of the pairwise fit, as in RankLib's):
 * each coordinate in turn is tried at a few multiples (or switched on from 0) and kept where the objective is best.
 * A coordinate is a group of signal weights that move together (one signal, or every discovery signal at once).
 * The customers are split into folds and a step is kept only when it raises the mean and lowers no fold: a gain that
 * only one half of the sample shows is that half's noise (the rule the hand tuning used across validation cuts).
 */
export interface AscentProblem {
  /** Higher is better, one value per fold of customers; reads a full weight vector. */
  objective: (weights: readonly number[]) => readonly number[];
  /** Each entry: the feature indices one step scales together. */
  coordinates: readonly (readonly number[])[];
  rounds: number;
  /** A step is kept only when it raises the mean objective by more than this. */
  minGain: number;
}

const STEPS = [0, 0.25, 0.5, 2, 4];
const SWITCH_ON = [0.05, 0.2, 0.5];

const mean = (values: readonly number[]): number => values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);

function better(trial: readonly number[], best: readonly number[], minGain: number): boolean {
  return mean(trial) > mean(best) + minGain && trial.every((value, fold) => value >= best[fold]);
}

export function coordinateAscent(problem: AscentProblem, start: readonly number[]): number[] {
  let best = [...start];
  let bestValue = problem.objective(best);
  for (let round = 0; round < problem.rounds; round++) {
    let improved = false;
    for (const members of problem.coordinates) {
      const current = members.reduce((sum, f) => sum + best[f], 0);
      const scale = Math.max(...best);
      const trials: number[][] = [];
      if (current > 0) {
        // A group is never switched off: the discovery block is all that ranks items new to the customer.
        for (const m of members.length > 1 ? STEPS.filter((x) => x > 0) : STEPS) trials.push(best.map((w, f) => (members.includes(f) ? w * m : w)));
      } else if (members.length === 1) {
        for (const m of SWITCH_ON) trials.push(best.map((w, f) => (f === members[0] ? m * scale : w)));
      }
      for (const trial of trials) {
        const value = problem.objective(trial);
        if (better(value, bestValue, problem.minGain)) { best = trial; bestValue = value; improved = true; }
      }
    }
    if (!improved) break;
  }
  return best;
}
