/** Serves files from one folder, refusing anything that resolves outside it. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { Response } from 'restify';

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
  return full === base || full.startsWith(base + sep) ? full : null;
}

export async function sendFile(res: Response, path: string | null, headers: Record<string, string>): Promise<boolean> {
  if (!path || !CONTENT_TYPES[extname(path)]) return false;
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return false;
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(path)], 'content-length': String(info.size),
    'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', ...headers,
  });
  await new Promise<void>((done, fail) => {
    const stream = createReadStream(path);
    stream.on('error', fail);
    res.on('finish', () => done());
    res.on('close', () => done());
    stream.pipe(res);
  });
  return true;
}
