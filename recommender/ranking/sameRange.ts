/**
 * Same range: items whose names share the rarer words of what the customer bought — a design, a pattern or a series
 * ("Red Retrospot", "Woodland", "Regency"), which gift-shop customers collect across product types. A word weighs
 * log(n / items whose name or tags hold it); words on more than `maxItemShare` of the catalogue name no range
 * ("bag", "set") and are skipped, as are words only one item has. Chosen on the validation cuts
 * (recommender/eval/README.md, fifth round).
 */
import type { CandidateBoard } from './candidateBoard';
import type { CustomerHistory } from './customerHistory';
import type { HistoryStrength } from './historySignals';
import type { RecommenderIndex } from './recommenderIndex';
import { selectTopByValue } from './selectTop';

export interface SameRangeParameters {
  /** The customer's heaviest words kept for the lookup. */
  words: number;
  /** Words on more than this share of the catalogue are too common to name a range. */
  maxItemShare: number;
  /** Candidates kept per request (the highest summed word weights). */
  candidates: number;
}

interface ProfileWord {
  word: string;
  value: number;
  /** The bought item that gave the word most of its value: the "X" of the reason. */
  source: number;
  sourceValue: number;
}

/**
 * Adds items the customer has not bought, scored by the summed weight of the profile words in their names and scaled
 * to 0..weight; the reason names the bought item behind the heaviest shared word.
 */
export function addSameRangeSignal(
  board: CandidateBoard, index: RecommenderIndex, history: CustomerHistory, sources: readonly HistoryStrength[],
  params: SameRangeParameters, weight: number, allowed: (item: number) => boolean,
): void {
  const catalog = index.catalog;
  const scratch = index.itemScratch('same_range');
  const { sums, bestValue, bestSource, touched } = scratch;
  try {
    for (const { word, value, source } of profileWords(index, sources, params)) {
      const items = catalog.itemsWithToken(word);
      const wordWeight = value * Math.log(catalog.size / items.length);
      for (const item of items) {
        if (sums[item] === 0) touched[scratch.touchedCount++] = item;
        sums[item] += wordWeight;
        if (wordWeight > bestValue[item]) {
          bestValue[item] = wordWeight;
          bestSource[item] = source;
        }
      }
    }
    // Own items are summed like the others and left out here, where only items that would rank are checked.
    const kept = selectTopByValue(touched, params.candidates, sums, (item) => !history.items.has(item) && allowed(item), scratch.touchedCount);
    const max = kept.length > 0 ? sums[kept[0]] : 0;
    if (max > 0) for (const item of kept) board.addSourced(item, 'same_range', bestSource[item], (weight * sums[item]) / max);
  } finally {
    scratch.reset();
  }
}

/** The customer's `words` heaviest name words: sum over their items of strength * word weight; heaviest first, ties by word. */
function profileWords(index: RecommenderIndex, sources: readonly HistoryStrength[], params: SameRangeParameters): ProfileWord[] {
  const catalog = index.catalog;
  const n = catalog.size;
  const profile = new Map<string, ProfileWord>();
  for (const { item, strength } of sources) {
    const words = catalog.nameTokens(item);
    const holderCounts = catalog.nameTokenHolders(item);
    for (let w = 0; w < words.length; w++) {
      const word = words[w];
      const holders = holderCounts[w];
      if (holders < 2 || holders > n * params.maxItemShare) continue;
      const value = strength * Math.log(n / holders);
      const entry = profile.get(word);
      if (!entry) {
        profile.set(word, { word, value, source: item, sourceValue: value });
        continue;
      }
      entry.value += value;
      if (value > entry.sourceValue) {
        entry.source = item;
        entry.sourceValue = value;
      }
    }
  }
  // Integer comparator results: a double one (b.value - a.value) is boxed on every comparison.
  return [...profile.values()].sort((a, b) => (a.value > b.value ? -1 : a.value < b.value ? 1 : a.word < b.word ? -1 : 1)).slice(0, params.words);
}
