/** Product names and tags derived from the upper-case Online Retail descriptions. */
import { descriptionWords } from './categorize';

const SMALL_WORDS = new Set(['of', 'and', 'with', 'in', 'on', 'the', 'a', 'for', 'w', 'to']);
const COLOURS = new Map([
  ['PINK', 'pink'], ['BLUE', 'blue'], ['RED', 'red'], ['WHITE', 'white'], ['GREEN', 'green'], ['BLACK', 'black'],
  ['IVORY', 'ivory'], ['CREAM', 'cream'], ['SILVER', 'silver'], ['GOLD', 'gold'], ['PURPLE', 'purple'],
  ['YELLOW', 'yellow'], ['ORANGE', 'orange'], ['BROWN', 'brown'], ['GREY', 'grey'], ['TURQUOISE', 'turquoise'],
  ['LILAC', 'lilac'], ['NATURAL', 'natural'], ['MULTICOLOUR', 'multicolour'],
]);
/** Description words that stand for a value a shopper may state in their preferences. */
const VALUE_WORDS: readonly [string, readonly string[]][] = [
  ['vintage', ['VINTAGE', 'RETRO', 'ANTIQUE', 'RETROSPOT', 'REGENCY', 'BAROQUE', 'EDWARDIAN', 'VICTORIAN']],
  ['eco-friendly', ['RECYCLED', 'ECO', 'JUTE', 'BAMBOO', 'ORGANIC', 'HESSIAN', 'NATURAL', 'WICKER', 'SEAGRASS']],
  ['handmade', ['HANDMADE', 'CROCHET', 'KNITTED', 'FELT', 'FELTCRAFT', 'PAINTED', 'EMBROIDERED', 'PATCHWORK']],
  ['british', ['UNION', 'BRITISH', 'LONDON', 'ENGLISH', 'ENGLAND']],
];
const NOISE = new Set(['SET', 'PACK', 'OF', 'AND', 'WITH', 'IN', 'ON', 'THE', 'W', 'SMALL', 'LARGE', 'MEDIUM', 'MINI', 'JUMBO', 'ASSORTED', 'DESIGN', 'COLOUR', 'ASSTD']);

/** "WHITE HANGING HEART T-LIGHT HOLDER" -> "White Hanging Heart T-Light Holder". */
export function titleCase(description: string): string {
  const words = description.trim().toLowerCase().split(/\s+/);
  return words
    .map((word, i) => (i > 0 && SMALL_WORDS.has(word) ? word : word.replace(/(^|[-/(+&.'"])([a-z])/g, (_m, sep: string, ch: string) => sep + ch.toUpperCase())))
    .join(' ')
    // Possessives stay lower case after the apostrophe ("Children's", "50's").
    .replace(/'S\b/g, "'s");
}

export function valuesOf(words: readonly string[]): string[] {
  return VALUE_WORDS.filter(([, triggers]) => words.some((w) => triggers.includes(w))).map(([value]) => value);
}

/** Colours, value words (vintage, eco-friendly, ...) and the remaining meaningful words, at most 10. */
export function productTags(description: string): string[] {
  const words = descriptionWords(description);
  const tags = new Set<string>();
  for (const word of words) {
    const colour = COLOURS.get(word);
    if (colour) tags.add(colour);
  }
  for (const value of valuesOf(words)) tags.add(value);
  for (const word of words) {
    if (!NOISE.has(word) && !COLOURS.has(word) && word.length > 2 && /^[A-Z][A-Z'-]*$/.test(word)) tags.add(word.toLowerCase());
  }
  return [...tags].slice(0, 10);
}
