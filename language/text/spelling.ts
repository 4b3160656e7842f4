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

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions), capped early. */
export function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  // Three rolling rows (the transposition looks two rows back) instead of a full matrix.
  let beforePrevious = new Int32Array(b.length + 1);
  let previous = Int32Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, beforePrevious[j - 2] + 1);
      current[j] = best;
      rowMin = Math.min(rowMin, best);
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
