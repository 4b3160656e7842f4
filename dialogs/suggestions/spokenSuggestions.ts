/**
 * What a voice user hears for a round of suggestions: a short intro only when it says something (not
 * personalised, welcome back), then products by name and price while the turn stays within its word budget
 * (about 8 seconds), then a short refine question. "Tell me more" / "read them all" reads every shown item.
 */
import type { ShownItem } from '../session';
import { SHORT_NAME_WORDS, spokenProductName } from '../speech/spokenName';
import { spokenWords } from '../speech/sayAs';
import { spokenList, toSsml } from '../speech/ssml';
import { formatPrice } from './cards';

/** Spoken words in a normal voice turn (about 8 s through a plain speech engine). */
export const VOICE_TURN_WORDS = 21;
/** At most this many products are read in a normal turn. */
export const MAX_SPOKEN_ITEMS = 3;
/** Names in a full read-out ("read them all") may be longer. */
const FULL_NAME_WORDS = 6;

export const VOICE_REFINE_QUESTION = 'Cheaper or something else?';
/** "tell me more", "read them all", "read them out", "list them". Narrow on purpose: it is routed before the recognizer. */
/** The whole utterance asks for every shown item ("tell me more about the second one" is about one item, not this). */
export const READ_ALL = /^\s*((ok(ay)?|yes|please|can you|could you)[,\s]+)*(tell me (more|about them)( about (them|those|these|all of them))?|read (them|those|these|all|the list|them all|all of them)( out| again)?( to me)?|list them( all)?)(\s+please)?\s*[.!?]*\s*$/i;

/** Words as heard: "£2.95" is three ("2 pounds 95"). */
const wordCount = (text: string): number => spokenWords(toSsml(text)).length;

function spokenItem(item: ShownItem, nameWords: number): string {
  return `${spokenProductName(item.name, nameWords)} at ${formatPrice(item.price, item.currency)}`;
}

/** As many of the items as fit the budget left after the intro and question (at least one). */
export function spokenRound(intro: string | null, items: readonly ShownItem[], question: string): string {
  const fixed = wordCount(intro ?? '') + wordCount(question);
  const read: string[] = [];
  for (const item of items.slice(0, MAX_SPOKEN_ITEMS)) {
    const next = spokenItem(item, SHORT_NAME_WORDS);
    const words = fixed + wordCount([...read, next].join(' '));
    if (read.length > 0 && words > VOICE_TURN_WORDS) break;
    read.push(next);
  }
  return [intro, `${spokenList(read, 'or')}.`].filter(Boolean).join(' ');
}

/** Every shown item, for a user who asked for the whole list. */
export function spokenFullList(items: readonly ShownItem[]): string {
  if (items.length === 0) return "I haven't suggested anything yet.";
  const all = items.map((item) => spokenItem(item, FULL_NAME_WORDS));
  return `${items.length === 1 ? 'There is' : `All ${items.length}:`} ${spokenList(all, 'and')}.`;
}
