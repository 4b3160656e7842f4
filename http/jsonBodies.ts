/**
 * The global body parser: JSON only. Every route that takes a body (/api/messages, the shop API, the console
 * API, demo sign-in) speaks JSON, so form and multipart bodies are refused with 415 instead of being parsed
 * into objects a route would accept (a cross-site HTML form can send those without a CORS preflight).
 */
import restify, { type RequestHandler } from 'restify';
import { errorBody } from './errors';
import { sendJson } from './json';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json$/;

const refuseNonJsonBodies: RequestHandler = (req, res, next) => {
  const method = req.method ?? 'GET';
  const hasBody = req.isChunked() || req.contentLength() > 0;
  if (method === 'GET' || method === 'HEAD' || !hasBody) return next();
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (JSON_TYPE.test(type)) return next();
  sendJson(res, 415, errorBody('unsupported_media_type', `Request bodies must be application/json (got ${type || 'no content type'}).`));
  return next(false);
};

export function jsonBodies(maxBodyBytes: number): RequestHandler[] {
  return [
    refuseNonJsonBodies,
    restify.plugins.bodyReader({ maxBodySize: maxBodyBytes }),
    ...restify.plugins.jsonBodyParser({ bodyReader: true, mapParams: false }),
  ];
}
