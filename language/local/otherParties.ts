/**
 * Requests aimed at someone other than this shop are out of scope, yet their complaint and stop words pull
 * the model towards feedback or cancel:
 * - posts to social networks ("tweet Acme that their service is awful", "complain to them on twitter");
 * - complaints or contact requests naming another company the shop has never heard of ("complain about
 *   Walmart service", "customer service from Microsoft never called me back"): a word with no reading at all
 *   (not a known word, not a typo of one) right after "to/about/from/at/with/against".
 * Such a request becomes "none", with its in-scope reading kept only as a low-scored alternative.
 */
import type { Intent } from '../types';
import type { RankedIntent } from './direction';

const SOCIAL_NETWORK = /\b(?:re-?tweet\w*|tweet\w*|twitter|facebook|instagram|snapchat|whatsapp|linkedin|tiktok)\b/i;
const ADDRESSEE = /\b(?:to|about|from|at|with|against)\s+([a-z][a-z'&.-]{2,})/gi;
/** Everyday words the corpus may lack that never name another company. */
const NOT_A_NAME: ReadonlySet<string> = new Set(['above', 'below', 'over', 'under', 'anyone', 'anybody', 'someone', 'somebody', 'everyone', 'everybody', 'them', 'him', 'her', 'us', 'whom', 'which', 'whoever']);
/** Intents that address this shop: a complaint or a call-back request meant for another company is not ours. */
const SHOP_DIRECTED: ReadonlySet<Intent> = new Set(['give_feedback', 'human_agent']);

export function mentionsSocialNetwork(text: string): boolean {
  return SOCIAL_NETWORK.test(text);
}

/** Whether the text names an unknown party right after a preposition ("to walmart"). */
export function namesUnknownParty(text: string, isUnknownWord: (token: string) => boolean): boolean {
  return [...text.matchAll(ADDRESSEE)].some((match) => {
    const word = match[1].toLowerCase().replace(/[.'-]+$/, '');
    return !NOT_A_NAME.has(word) && isUnknownWord(word);
  });
}

/** "none" first when the request is aimed at another party; the ranking is unchanged otherwise. */
export function routeOtherParties(text: string, ranked: readonly RankedIntent[], isUnknownWord: (token: string) => boolean): RankedIntent[] {
  const [best] = ranked;
  if (!best || best.intent === 'none') return [...ranked];
  const otherParty = mentionsSocialNetwork(text) || (SHOP_DIRECTED.has(best.intent) && namesUnknownParty(text, isUnknownWord));
  if (!otherParty) return [...ranked];
  return [{ intent: 'none', score: best.score }, ...ranked.filter((r) => r.intent !== 'none')];
}
