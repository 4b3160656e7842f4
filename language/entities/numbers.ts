/**
 * Number words -> digits, so the rule-based entity parsers only ever deal with digits.
 * Microsoft's recognizers-text does the heavy lifting ("twenty five" -> 25, "a hundred" -> 100);
 * we add the British slang it does not know (fiver, tenner, score) and keep "out of" intact,
 * because the recognizer reads "nine out of ten" as the fraction 0.9.
 */
import { Culture, recognizeNumber } from '@microsoft/recognizers-text-number';

const SLANG: ReadonlyArray<[RegExp, string]> = [
  [/\b(?:an?\s+)?fiver\b/g, '5 pounds'],
  [/\b(?:an?\s+)?tenner\b/g, '10 pounds'],
  [/\bscore\b(?=\s+(?:pounds|quid|dollars|euros))/g, '20'],
];

/** "one" after these words is a pronoun ("this one", "another one"), not a number. */
const PRONOUN_ONE = /\b(?:this|that|the|another|which|other|any|different|same|next|last|each|every|no)\s+$/;

/**
 * Words the number recognizer could turn into digits. Most utterances have none, and the recognizer is by
 * far the most expensive step of a turn, so it only runs when one is present (digits pass through as they are).
 */
const NUMBER_WORD = /\b(?:zero|nil|nought|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozen|half|quarter|couple)\b/;

function digitsInPlainSegment(segment: string): string {
  if (!NUMBER_WORD.test(segment)) return segment;
  const found = recognizeNumber(segment, Culture.English);
  let out = '';
  let cursor = 0;
  for (const match of found) {
    const value = match.resolution?.value;
    // The recognizer's `end` index is inclusive.
    const end = match.end + 1;
    if (typeof value !== 'string' || match.start < cursor) continue;
    if (match.text.toLowerCase() === 'one' && PRONOUN_ONE.test(segment.slice(0, match.start))) continue;
    out += segment.slice(cursor, match.start) + value;
    cursor = end;
  }
  return out + segment.slice(cursor);
}

/** Lower-cases the text and replaces number words by digits: "twenty five quid" -> "25 quid". */
export function numberWordsToDigits(text: string): string {
  let normalised = text.toLowerCase();
  for (const [pattern, replacement] of SLANG) normalised = normalised.replace(pattern, replacement);
  // Convert each side of "out of" / "/" separately so ratios survive as two numbers.
  return normalised
    .split(/(\bout of\b|\/)/)
    .map((part, index) => (index % 2 === 1 ? part : digitsInPlainSegment(part)))
    .join('');
}

/** Parses a plain decimal number written with digits (commas as thousands separators allowed). */
export function parseDecimal(raw: string): number {
  return Number(raw.replace(/,/g, ''));
}
