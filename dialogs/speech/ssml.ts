/**
 * SSML for the `speak` field of every outgoing message. Pure functions: the text is XML-escaped and wrapped
 * in a W3C SSML 1.0 <speak> root with xml:lang, which Direct Line Speech and Web Chat's speech synthesis accept.
 */
export const SPEECH_LANGUAGE = 'en-GB';

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes the five XML special characters; also drops control characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex
  const printable = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
  return printable.replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch] ?? ch);
}

/** Plain text for a speech engine: no markdown emphasis, bullets or runs of whitespace. */
export function speakableText(text: string): string {
  return text
    .replace(/[*_`#]+/g, '')
    .replace(/^\s*[-•]\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Wraps plain text into a complete SSML document. */
export function toSsml(text: string, lang: string = SPEECH_LANGUAGE): string {
  return `<speak version="1.0" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang="${escapeXml(lang)}">`
    + `${escapeXml(speakableText(text))}</speak>`;
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
