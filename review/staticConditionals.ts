/**
 * The parts of RFC 9110 a static file server needs: validators (ETag, Last-Modified), conditional GET/HEAD
 * (If-None-Match, If-Modified-Since: 304) and byte ranges (Range, If-Range: 206 / 416). Pure functions of the
 * request headers and the representation, so each rule is tested on its own.
 */

export interface Validators {
  /** Strong entity tag, quoted: "abc". */
  etag: string;
  /** Modification time in milliseconds; HTTP dates carry whole seconds. */
  mtimeMs: number;
}

type Headers = Record<string, string | string[] | undefined>;

const header = (headers: Headers, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
};

const wholeSeconds = (ms: number): number => Math.floor(ms / 1000) * 1000;

export const httpDate = (ms: number): string => new Date(wholeSeconds(ms)).toUTCString();

/** Entity tags of a list header ("*" included), without their weak prefix. */
function entityTags(value: string): string[] {
  return (value.match(/\*|(?:W\/)?"[^"]*"/g) ?? []).map((tag) => tag.replace(/^W\//, ''));
}

/**
 * True when the client's cached copy is current (RFC 9110 13.1.2, 13.1.3): If-None-Match by weak comparison when
 * present, else If-Modified-Since (only when it is a valid date).
 */
export function isNotModified(headers: Headers, validators: Validators): boolean {
  const noneMatch = header(headers, 'if-none-match');
  if (noneMatch !== undefined) return entityTags(noneMatch).some((tag) => tag === '*' || tag === validators.etag);
  const since = header(headers, 'if-modified-since');
  if (since === undefined) return false;
  const time = Date.parse(since);
  return !Number.isNaN(time) && wholeSeconds(validators.mtimeMs) <= time;
}

/**
 * Whether a Range may be honoured (RFC 9110 13.1.5): without If-Range always; with it only when it names this
 * representation by its strong ETag, or by its exact Last-Modified date. A weak tag never matches.
 */
export function ifRangeAllows(headers: Headers, validators: Validators): boolean {
  const condition = header(headers, 'if-range')?.trim();
  if (condition === undefined) return true;
  if (condition.startsWith('"') || condition.startsWith('W/')) return condition === validators.etag;
  const time = Date.parse(condition);
  return !Number.isNaN(time) && time === wholeSeconds(validators.mtimeMs);
}

export type RangeOutcome =
  | { kind: 'full' }
  | { kind: 'partial'; start: number; end: number }
  | { kind: 'unsatisfiable' };

const FULL: RangeOutcome = { kind: 'full' };

/**
 * One byte range of a `size`-byte body (RFC 9110 14.1.2): "bytes=0-99", "bytes=100-", "bytes=-100". A header in another
 * unit, with a syntax error, or with several ranges is ignored (the full body is sent), as the RFC allows; a range
 * starting at or after the end, or an empty suffix, is unsatisfiable (416).
 */
export function parseRange(value: string | undefined, size: number): RangeOutcome {
  if (value === undefined) return FULL;
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(value);
  if (!match || (match[1] === '' && match[2] === '')) return FULL;
  const [first, last] = [match[1] === '' ? undefined : Number(match[1]), match[2] === '' ? undefined : Number(match[2])];
  if (first === undefined) {
    const suffix = last ?? 0;
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 };
  }
  if (last !== undefined && last < first) return FULL;
  if (first >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start: first, end: Math.min(last ?? size - 1, size - 1) };
}
