/**
 * Posts to social networks ("tweet Acme that their service is awful", "complain to them on twitter") are
 * out of scope for a shop assistant, yet their complaint and stop words pull the model towards feedback or
 * cancel. Naming a social network is a strong, cheap signal: such a request becomes "none", with its
 * in-scope reading kept only as a low-scored alternative.
 */
import type { RankedIntent } from './direction';

const SOCIAL_NETWORK = /\b(?:re-?tweet\w*|tweet\w*|twitter|facebook|instagram|snapchat|whatsapp|linkedin|tiktok)\b/i;

export function mentionsSocialNetwork(text: string): boolean {
  return SOCIAL_NETWORK.test(text);
}

/** "none" first when the text names a social network; the ranking is unchanged otherwise. */
export function routeSocialPosts(text: string, ranked: readonly RankedIntent[]): RankedIntent[] {
  if (!mentionsSocialNetwork(text) || ranked[0]?.intent === 'none') return [...ranked];
  const top = ranked[0].score;
  return [{ intent: 'none', score: top }, ...ranked.filter((r) => r.intent !== 'none')];
}
