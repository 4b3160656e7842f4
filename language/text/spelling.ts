/**
 * Typo tolerance: an unknown token is replaced by the known words within a small Damerau-Levenshtein
 * distance. Ties are all returned, so an ambiguous typo ("helo": hello / help) feeds both words to the
 * classifier and the rest of the sentence decides.
 */

const MIN_LENGTH_TO_CORRECT = 4;

function maxDistanceFor(length: number): number {
  return length >= 7 ? 2 : 1;
}

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions), capped early. */
export function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    let rowMin = Infinity;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2][j - 2] + 1);
      d[i][j] = best;
      rowMin = Math.min(rowMin, best);
    }
    if (rowMin > cap) return cap + 1;
  }
  return d[a.length][b.length];
}

export class SpellingCorrector {
  private readonly known: ReadonlySet<string>;
  private readonly byLength = new Map<number, string[]>();

  constructor(vocabulary: Iterable<string>) {
    this.known = new Set(vocabulary);
    for (const word of this.known) {
      const bucket = this.byLength.get(word.length) ?? [];
      bucket.push(word);
      this.byLength.set(word.length, bucket);
    }
  }

  isKnown(token: string): boolean {
    return this.known.has(token);
  }

  /** The token itself when known, short or numeric; else the closest known words (maybe none). */
  candidates(token: string): string[] {
    if (this.known.has(token) || token.length < MIN_LENGTH_TO_CORRECT || /\d/.test(token)) return [token];
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
