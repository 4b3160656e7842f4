/**
 * Whether a turn came in by voice. Direct Line Speech and Alexa are voice by definition. Web Chat (4.18) keeps the
 * input method ('speech' or 'keyboard') only in its client-side action metadata and sends nothing in the
 * activity, so the shopper page adds `channelData.inputMethod = 'speech'` with a store middleware on
 * DIRECT_LINE/POST_ACTIVITY when `meta.method === 'speech'`. That is the convention read here.
 */
import type { Activity } from 'botbuilder';

export const DIRECT_LINE_SPEECH_CHANNEL = 'directlinespeech';
/** The Alexa skill endpoint (bot/alexa): voice only. */
export const ALEXA_CHANNEL = 'alexa';

export function isVoiceActivity(activity: Pick<Activity, 'channelId' | 'channelData'>): boolean {
  if (activity.channelId === DIRECT_LINE_SPEECH_CHANNEL || activity.channelId === ALEXA_CHANNEL) return true;
  const data: unknown = activity.channelData;
  return typeof data === 'object' && data !== null && 'inputMethod' in data && data.inputMethod === 'speech';
}
