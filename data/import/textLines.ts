/**
 * The lines of a text stream, split as node:readline splits them with `crlfDelay: Infinity` (at "\r\n", "\n" or a
 * lone "\r"; no empty line after a final line break), but handed over a chunk at a time: readline's async iterator
 * costs an event and a promise per line, which was most of the time of reading a 540,000-line file.
 */
import type { Readable } from 'node:stream';

const LINE_BREAK = /\r\n|\n|\r/g;

export async function* textLineBatches(stream: Readable): AsyncGenerator<string[]> {
  stream.setEncoding('utf8');
  let rest = '';
  for await (const chunk of stream as AsyncIterable<string>) {
    let text = rest + chunk;
    // A "\r" ending the chunk may be the first half of "\r\n": decide when the next chunk comes.
    const heldCr = text.endsWith('\r');
    if (heldCr) text = text.slice(0, -1);
    const lines = text.split(LINE_BREAK);
    rest = (lines.pop() ?? '') + (heldCr ? '\r' : '');
    if (lines.length > 0) yield lines;
  }
  // The held "\r" was a line break after all; the text after the last break is a line unless empty.
  const last = rest.endsWith('\r') ? [rest.slice(0, -1)] : rest.length > 0 ? [rest] : [];
  if (last.length > 0) yield last;
}
