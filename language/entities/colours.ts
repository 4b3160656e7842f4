/**
 * Colours asked for ("anything in green?", "red lunch bags"). A colour narrows what else was asked (green among the
 * mugs), so it is its own entity rather than one more product keyword (keywords widen: any item matching any word).
 */

/** Colour words as shoppers write them -> the word product names use. */
const COLOURS: ReadonlyMap<string, string> = new Map([
  ...['red', 'blue', 'pink', 'green', 'white', 'black', 'silver', 'ivory', 'cream', 'gold', 'purple', 'yellow', 'orange',
    'lavender', 'brown', 'copper', 'turquoise', 'mint', 'lilac', 'grey', 'teal', 'aqua'].map((c): [string, string] => [c, c]),
  ['gray', 'grey'], ['golden', 'gold'],
]);

/** Whether a keyword is only a colour word ("turquoise", "pinks"): the colour entity carries it instead. */
export function isColourWord(word: string): boolean {
  return COLOURS.has(word) || (word.endsWith('s') && COLOURS.has(word.slice(0, -1)));
}

/** @param words the utterance's corrected tokens */
export function extractColours(words: readonly string[]): string[] {
  const found: string[] = [];
  for (const word of words) {
    const colour = COLOURS.get(word);
    if (colour && !found.includes(colour)) found.push(colour);
  }
  return found;
}
