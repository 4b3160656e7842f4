/**
 * Typo tolerance: an unknown token is replaced by the known words within a small Damerau-Levenshtein
 * distance. Ties are all returned, so an ambiguous typo ("helo": hello / help) feeds both words to the
 * classifier and the rest of the sentence decides.
 */

const MIN_LENGTH_TO_CORRECT = 4;
const MAX_CACHED_CORRECTIONS = 10_000;

function maxDistanceFor(length: number): number {
  return length >= 7 ? 2 : 1;
}

/** The three rolling rows, reused across calls: a search compares one token with thousands of words. Grown on demand. */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions), capped early. Minima are plain
 * comparisons, not Math.min: under jest (a vm context) every read of the global Math costs a slow lookup.
 */
export function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  if (rows[0].length <= b.length) rows = rows.map(() => new Int32Array(2 * (b.length + 1)));
  // Three rolling rows (the transposition looks two rows back) instead of a full matrix. Each cell is written before
  // it is read, so only the first row needs setting.
  let [beforePrevious, previous, current] = rows;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    const aBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let best = previous[j - 1] + (ai === bj ? 0 : 1);
      if (previous[j] + 1 < best) best = previous[j] + 1;
      if (current[j - 1] + 1 < best) best = current[j - 1] + 1;
      if (j > 1 && aBefore === bj && ai === b.charCodeAt(j - 2) && beforePrevious[j - 2] + 1 < best) best = beforePrevious[j - 2] + 1;
      current[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > cap) return cap + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return previous[b.length];
}

export class SpellingCorrector {
  private readonly known: ReadonlySet<string>;
  private readonly byLength = new Map<number, string[]>();
  /** Shoppers repeat their typos; remembering corrections keeps the per-turn cost flat. Bounded. */
  private readonly cache = new Map<string, string[]>();

  constructor(vocabulary: Iterable<string>) {
    this.known = new Set(vocabulary);
    for (const word of this.known) {
      const bucket = this.byLength.get(word.length) ?? [];
      bucket.push(word);
      this.byLength.set(word.length, bucket);
    }
  }

  /** The token itself when known, short or numeric; else the closest known words (maybe none). */
  candidates(token: string): string[] {
    if (this.known.has(token) || token.length < MIN_LENGTH_TO_CORRECT || /\d/.test(token)) return [token];
    const cached = this.cache.get(token);
    if (cached) return cached;
    const closest = this.search(token);
    if (this.cache.size >= MAX_CACHED_CORRECTIONS) this.cache.clear();
    this.cache.set(token, closest);
    return closest;
  }

  private search(token: string): string[] {
    const cap = maxDistanceFor(token.length);
    let best = cap + 1;
    let closest: string[] = [];
    for (let length = token.length - cap; length <= token.length + cap; length++) {
      for (const word of this.byLength.get(length) ?? []) {
        const distance = editDistance(token, word, Math.min(cap, best));
        if (distance < best) {
          best = distance;
          closest = [word];
        } else if (distance === best && distance <= cap) {
          closest.push(word);
        }
      }
    }
    return closest;
  }
}
