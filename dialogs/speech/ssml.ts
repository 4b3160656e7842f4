/**
 * SSML for the `speak` field of every outgoing message. Pure functions: the text is cleaned for the ear,
 * XML-escaped, marked up with `say-as` where engines misread it (see sayAs.ts), and wrapped in a W3C SSML 1.0
 * <speak> root with xml:lang, which Direct Line Speech, Web Chat's speech synthesis and Alexa accept.
 */
import { markUpForSpeech } from './sayAs';
import { escapeXml } from '../../domain/xml';

export { escapeXml } from '../../domain/xml';

export const SPEECH_LANGUAGE = 'en-GB';

/**
 * Plain text for a speech engine: no markdown emphasis, bullets, quotation marks (a closing quote before a full
 * stop is read as "dot") or runs of whitespace. Apostrophes inside words ("Mum's") stay.
 */
export function speakableText(text: string): string {
  return text
    .replace(/[*_`#]+/g, '')
    .replace(/^\s*[-•]\s+/gm, '')
    .replace(/["“”«»]/g, '')
    .replace(/(?<![\p{L}\p{N}])['‘’]|['‘’](?![\p{L}\p{N}])/gu, '')
    .replace(/\s+([.,!?])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Wraps plain text into a complete SSML document. */
export function toSsml(text: string, lang: string = SPEECH_LANGUAGE): string {
  return `<speak version="1.0" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang="${escapeXml(lang)}">`
    + `${markUpForSpeech(speakableText(text))}</speak>`;
}

/** "a, b or c" — how a list of choices is read out. */
export function spokenList(items: readonly string[], conjunction = 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** The SSML `speak` value for a plain-text message (what the bot layer uses for its own replies). */
export function speakable(text: string): string {
  return toSsml(text);
}

/** The inside of a <speak> document, to join several replies into one (Alexa answers with one document). */
export function ssmlBody(ssml: string): string {
  const match = /^\s*<speak\b[^>]*>([\s\S]*)<\/speak>\s*$/.exec(ssml);
  return match ? match[1] : escapeXml(ssml);
}
