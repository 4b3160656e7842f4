/**
 * Product names cleaned for the ear. Catalogue names are written for a shelf label ("Set/6 Red Spotty Paper
 * Cups", "Mum + Dads Mug", "Incense/Candle Set"): symbols, slashes and shop abbreviations are read literally
 * ("mum plus dads") and capitals may be spelled out. Pure function.
 */
const ABBREVIATIONS: ReadonlyArray<[RegExp, string]> = [
  [/\bs(?:et)?\s*\/\s*(\d+)/gi, 'set of $1 '],
  [/\bw\s*\//gi, 'with '],
  [/\basstd\b|\bass\b(?= col)/gi, 'assorted'],
  [/\bcol\b/gi, 'colour'],
  [/\bt-light(s?)\b/gi, 'tea light$1'],
];

/** At most this many words of a name are read in a short list; the rest is detail a listener will not keep. */
export const SHORT_NAME_WORDS = 5;
/** A shortened name never ends on a word that promises more ("door hanger mum and"). */
const DANGLING = /\s+(and|or|of|with|for|in|on|the|a|to)$/;

export function spokenProductName(name: string, maxWords = Infinity): string {
  let spoken = name;
  for (const [pattern, replacement] of ABBREVIATIONS) spoken = spoken.replace(pattern, replacement);
  spoken = spoken
    .replace(/\s*[+&]\s*/g, ' and ')
    .replace(/(?<=\p{L})\s*\/\s*(?=\p{L})/gu, ' and ')
    .replace(/\//g, ' ')
    .replace(/["“”]/g, '')
    .replace(/(?<![\p{L}])'|'(?![\p{L}])/gu, '')
    .replace(/,(?=\S)/g, ', ')
    .replace(/[.!]+$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  const words = spoken.split(' ');
  if (words.length <= maxWords) return spoken;
  let short = words.slice(0, maxWords).join(' ');
  while (DANGLING.test(short)) short = short.replace(DANGLING, '');
  return short;
}
