/** English plurals folded to the singular, the same way wherever a shopper's word meets a product name. */

/** "bottles" -> "bottle", "boxes" -> "box", "candies" -> "candy", "glass" stays, "trees" -> "tree". */
export function singular(word: string): string {
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ches|shes|xes|sses|zes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && word.length > 3) return word.slice(0, -1);
  return word;
}

/** The word as written, its singular and its plain plural: the forms a name may hold it in. */
export function wordForms(word: string): string[] {
  const one = singular(word);
  return [...new Set([word, one, `${one}s`, `${one}es`])];
}
