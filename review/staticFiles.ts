/**
 * Serves files from one folder, refusing anything that resolves outside it (through `..` or a symlink). Text files
 * (pages, scripts, styles) are sent compressed when the browser accepts it (brotli, else gzip): the Web Chat bundle
 * is 3.9 MB raw and about 0.7 MB as brotli, which is why restify's serveStatic (no precompressed variants) is not
 * used. GET and HEAD; ETag / Last-Modified revalidation (304); byte ranges of the uncompressed file (206 / 416),
 * following RFC 9110 (staticConditionals.ts).
 */
import { createHash } from 'node:crypto';
import { createReadStream, realpathSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Request, RequestHandler, Response, Server } from 'restify';
import { httpDate, ifRangeAllows, isNotModified, parseRange, type RangeOutcome, type Validators } from './staticConditionals';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.json']);
/** Smaller files gain too little from compression to be worth the header. */
const MIN_COMPRESS_BYTES = 1024;

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Resolves `relative` inside `root`, or null when it escapes it or names a hidden file. */
export function safeResolve(root: string, relative: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.split(/[\\/]/).some((part) => part.startsWith('.'))) return null;
  const base = resolve(root);
  const full = resolve(base, `.${sep}${decoded}`);
  return (full === base || full.startsWith(base + sep)) && staysInsideThroughLinks(base, full) ? full : null;
}

/**
 * A symlink inside the folder may point anywhere: the file's real path must stay inside the folder's real path.
 * One realpath(3) call each; a missing file passes here and is answered 404 by sendFile.
 */
function staysInsideThroughLinks(base: string, full: string): boolean {
  let real: string;
  try {
    real = realpathSync.native(full);
  } catch {
    return true;
  }
  try {
    const realBase = realpathSync.native(base);
    return real === realBase || real.startsWith(realBase + sep);
  } catch {
    return false;
  }
}

/** Registers a static-file handler for GET and HEAD (restify routes HEAD only where asked). */
export function getAndHead(server: Server, path: string, handler: RequestHandler): void {
  server.get(path, handler);
  server.head(path, handler);
}

interface Encoded { raw: Buffer; gzip: Buffer | null; br: Buffer | null }
interface CacheEntry { version: string; encoded: Promise<Encoded> }

/**
 * Compressed copies of text files, made once per file version (size and mtime) in zlib's thread pool, so a
 * compression never blocks a turn, and kept on disk so a restart (or another process) reuses them.
 * `warm` starts the big bundles at start-up.
 */
export class CompressedFiles {
  private readonly entries = new Map<string, CacheEntry>();

  private privateDir: Promise<string | null> | null = null;

  constructor(private readonly cacheDir = join(tmpdir(), `shopping-assistant-static-${process.getuid?.() ?? 'user'}`)) {}

  get(path: string, version: string): Promise<Encoded> {
    const cached = this.entries.get(path);
    if (cached?.version === version) return cached.encoded;
    const encoded = this.load(path, version);
    // A failed read is not cached: the next request tries again.
    encoded.catch(() => this.entries.delete(path));
    this.entries.set(path, { version, encoded });
    return encoded;
  }

  async warm(paths: string[]): Promise<void> {
    await Promise.all(paths.map(async (path) => {
      const info = await stat(path).catch(() => null);
      if (info?.isFile()) await this.get(path, versionOf(info)).catch(() => undefined);
    }));
  }

  private async load(path: string, version: string): Promise<Encoded> {
    const raw = await readFile(path);
    if (raw.length < MIN_COMPRESS_BYTES) return { raw, gzip: null, br: null };
    const dir = await (this.privateDir ??= ownPrivateDir(this.cacheDir));
    if (!dir) return compress(raw);
    const base = join(dir, `${createHash('sha256').update(path).digest('hex').slice(0, 16)}-${version}`);
    const [gz, br] = await Promise.all([readFile(`${base}.gz`).catch(() => null), readFile(`${base}.br`).catch(() => null)]);
    if (gz && br) return { raw, gzip: gz, br };
    const encoded = await compress(raw);
    // Best effort: a read-only or full disk only costs the next start a compression.
    await Promise.all([writeAtomically(`${base}.gz`, encoded.gzip), writeAtomically(`${base}.br`, encoded.br)]).catch(() => undefined);
    return encoded;
  }
}

/**
 * The cache folder, only if this process's user owns it and nobody else can write to it: files served from it
 * reach every shopper's browser, so a folder others could plant files in is never read.
 */
async function ownPrivateDir(dir: string): Promise<string | null> {
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const info = await stat(dir);
    const ownedByUs = process.getuid === undefined || info.uid === process.getuid();
    return info.isDirectory() && ownedByUs && (info.mode & 0o022) === 0 ? dir : null;
  } catch {
    return null;
  }
}

async function writeAtomically(path: string, data: Buffer | null): Promise<void> {
  if (!data) return;
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temp, data);
  await rename(temp, path);
}

async function compress(raw: Buffer): Promise<Encoded> {
  const [gz, br] = await Promise.all([
    gzipAsync(raw, { level: 9 }),
    // Quality 9 gets within 10 % of 11 at a tenth of the time.
    brotliAsync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
  ]);
  return { raw, gzip: gz, br };
}

const versionOf = (info: { size: number; mtimeMs: number }): string => `${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}`;

/** The best encoding the request accepts among those we have: brotli, then gzip, else none. */
export function chooseEncoding(acceptEncoding: string | undefined, encoded: Encoded): 'br' | 'gzip' | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name.trim(), q ? Number(q.slice(2)) : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (encoded.br && ok('br')) return 'br';
  if (encoded.gzip && ok('gzip')) return 'gzip';
  return null;
}

/**
 * Sends the file at `path` (false when there is none, or it is not a type served here). Compressible files go as the
 * best accepted encoding, each encoding with its own ETag; a satisfiable Range (GET only, If-Range permitting) is
 * answered with the uncompressed bytes, as RFC 9110 lets the server choose the representation.
 */
export async function sendFile(
  req: Request, res: Response, path: string | null, headers: Record<string, string>, cache: CompressedFiles,
): Promise<boolean> {
  if (!path || !CONTENT_TYPES[extname(path)]) return false;
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return false;
  const version = versionOf(info);
  const common = {
    'content-type': CONTENT_TYPES[extname(path)], 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer',
    'last-modified': httpDate(info.mtimeMs), ...headers,
  };
  const identity: Validators = { etag: `"${version}"`, mtimeMs: info.mtimeMs };
  if (!COMPRESSIBLE.has(extname(path))) {
    return sendRepresentation(req, res, { validators: identity, size: info.size, headers: common, encoding: null }, (start, end) => pipeFile(res, path, start, end));
  }
  const encoded = await cache.get(path, version);
  const negotiated = chooseEncoding(req.headers['accept-encoding'], encoded);
  const encoding = negotiated && rangeFor(req, identity, encoded.raw.length).kind === 'full' ? negotiated : null;
  const body = encoding ? encoded[encoding] ?? encoded.raw : encoded.raw;
  // One ETag per representation, as the compressed bytes differ from the raw ones.
  const validators = encoding ? { ...identity, etag: `"${version}-${encoding}"` } : identity;
  const representation = { validators, size: body.length, headers: { ...common, vary: 'Accept-Encoding' }, encoding };
  return sendRepresentation(req, res, representation, async (start, end) => { res.end(body.subarray(start, end + 1)); });
}

interface Representation {
  validators: Validators;
  size: number;
  headers: Record<string, string>;
  encoding: 'br' | 'gzip' | null;
}

/** The range a request asks of the uncompressed bytes: only GET defines ranges, and If-Range must name this version. */
function rangeFor(req: Request, identity: Validators, size: number): RangeOutcome {
  if (req.method !== 'GET' || req.headers.range === undefined || !ifRangeAllows(req.headers, identity)) return { kind: 'full' };
  return parseRange(req.headers.range, size);
}

async function sendRepresentation(
  req: Request, res: Response, rep: Representation, write: (start: number, end: number) => Promise<void>,
): Promise<true> {
  const { validators, size, encoding } = rep;
  const headers = { ...rep.headers, etag: validators.etag, ...(encoding ? { 'content-encoding': encoding } : { 'accept-ranges': 'bytes' }) };
  if (isNotModified(req.headers, validators)) return notModified(res, headers);
  const range = encoding ? { kind: 'full' as const } : rangeFor(req, validators, size);
  if (range.kind === 'unsatisfiable') {
    res.writeHead(416, { ...headers, 'content-range': `bytes */${size}`, 'content-length': '0' });
    res.end();
    return true;
  }
  const [start, end] = range.kind === 'partial' ? [range.start, range.end] : [0, size - 1];
  res.writeHead(range.kind === 'partial' ? 206 : 200, {
    ...headers, 'content-length': String(end - start + 1), ...(range.kind === 'partial' ? { 'content-range': `bytes ${start}-${end}/${size}` } : {}),
  });
  if (req.method === 'HEAD' || size === 0) res.end();
  else await write(start, end);
  return true;
}

/** 304: the validators and caching headers a 200 would carry (RFC 9110 15.4.5), without the body's metadata. */
function notModified(res: Response, headers: Record<string, string>): true {
  const { 'content-type': _type, 'content-encoding': _encoding, 'accept-ranges': _ranges, ...rest } = headers;
  res.writeHead(304, rest);
  res.end();
  return true;
}

function pipeFile(res: Response, path: string, start: number, end: number): Promise<void> {
  return new Promise<void>((done, fail) => {
    const stream = createReadStream(path, { start, end });
    stream.on('error', fail);
    res.on('finish', () => done());
    res.on('close', () => done());
    stream.pipe(res);
  });
}
