/** Who a gift is for and what it is for: "for my mum" -> mum, "my nan's birthday" -> grandma + birthday. */
import type { Entities } from '../types';

type Occasion = NonNullable<Entities['occasion']>;

/** Canonical recipient -> the words shoppers use for them (single tokens or short phrases, already tokenized). */
const RECIPIENTS: ReadonlyArray<[string, readonly string[]]> = [
  ['mother in law', ['mother in law', 'mum in law']],
  ['father in law', ['father in law', 'dad in law']],
  ['mum', ['mum', 'mom', 'mother', 'mummy', 'mommy', 'ma']],
  ['dad', ['dad', 'father', 'daddy', 'pa']],
  ['grandma', ['grandma', 'gran', 'granny', 'grandmother', 'nan', 'nana', 'nanna', 'grandmum']],
  ['grandad', ['grandad', 'granddad', 'grandpa', 'grandfather', 'gramps']],
  ['wife', ['wife']], ['husband', ['husband']], ['partner', ['partner', 'spouse', 'fiance', 'fiancee', 'other half']],
  ['girlfriend', ['girlfriend']], ['boyfriend', ['boyfriend']],
  ['sister', ['sister', 'sis']], ['brother', ['brother', 'bro']],
  ['daughter', ['daughter']], ['son', ['son']],
  ['aunt', ['aunt', 'auntie', 'aunty']], ['uncle', ['uncle']],
  ['niece', ['niece']], ['nephew', ['nephew']], ['cousin', ['cousin']],
  ['grandson', ['grandson']], ['granddaughter', ['granddaughter']], ['grandchild', ['grandchild', 'grandchildren', 'grandkid']],
  ['godchild', ['godson', 'goddaughter', 'godchild', 'godchildren']],
  ['friend', ['friend', 'best friend', 'bestie', 'mate', 'pal']],
  ['colleague', ['colleague', 'coworker', 'co worker', 'workmate', 'boss']],
  ['teacher', ['teacher']], ['neighbour', ['neighbour', 'neighbor']],
  ['baby', ['baby', 'newborn']], ['kids', ['kids', 'kid', 'children', 'child', 'toddler']],
  ['him', ['him', 'a man', 'men']], ['her', ['her', 'a woman', 'women']],
];

/** A recipient word counts only after one of these (so "her" in "take her time" is ignored). */
const RECIPIENT_LEAD = '(?:for|my|our|his|her|buy|get|a|an|the)';
/** Up to three of these may stand between the lead and the recipient: "my 10 year old nephew", "our little sister". */
const RECIPIENT_MODIFIER = '(?:\\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|years?|yrs?|old|little|young|younger|older|big|baby|teenage|teen|eldest|oldest|youngest|lovely|dear|step)';

const PRESENT_WORDS = /\b(?:gifts?|presents?|prezzie)\b/;

const OCCASIONS: ReadonlyArray<[Occasion, RegExp]> = [
  ['birthday', /\b(?:birthday|bday|b day)\b/],
  ['christmas', /\b(?:christmas|xmas|festive|secret santa|stocking fillers?)\b/],
  ['wedding', /\b(?:wedding|bride|groom|engagement)\b/],
  ['anniversary', /\banniversary\b/],
  ['baby', /\b(?:new baby|baby shower|christening|newborn)\b/],
  ['easter', /\beaster\b/],
  ['valentines', /\bvalentines?\b/],
  ['gift', PRESENT_WORDS],
];

const escape = (phrase: string): string => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const RECIPIENT_PATTERNS: ReadonlyArray<[string, RegExp]> = RECIPIENTS.map(([canonical, words]) => [
  canonical,
  new RegExp(`\\b${RECIPIENT_LEAD}\\s+(?:${RECIPIENT_MODIFIER}\\s+){0,3}(?:${words.map(escape).join('|')})(?:s)?\\b`),
]);

/** @param words the utterance as corrected tokens joined by single spaces */
export function extractRecipient(words: string): string | undefined {
  let found: { canonical: string; at: number } | undefined;
  for (const [canonical, pattern] of RECIPIENT_PATTERNS) {
    const match = pattern.exec(words);
    if (match && (!found || match.index < found.at)) found = { canonical, at: match.index };
  }
  return found?.canonical;
}

/** Whether the shopper asks for a present, even when another occasion is named first ("a birthday present"). */
export function asksForPresent(words: string): boolean {
  return PRESENT_WORDS.test(words);
}

export function extractOccasion(words: string): Occasion | undefined {
  return OCCASIONS.find(([, pattern]) => pattern.test(words))?.[0];
}
