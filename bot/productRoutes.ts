/**
 * Catalogue updates from the shop, guarded by the shop API key like order intake (see shopApi.ts):
 *   PUT  /api/products/:id            one product, added or replaced (the path id is the product's id)
 *   POST /api/products {"products"}   up to MAX_BATCH products in one durable write
 * A product is sent whole (as ProductSchema); only `addedAt` may be left out: a stored product keeps its own, a new
 * one is dated now. Errors answer `{ error, message }`, the message naming the first bad field.
 */
import type { Server } from 'restify';
import { z } from 'zod';
import { CATEGORY_IDS } from '../domain/categories';
import { ProductSchema, type Product } from '../domain/model';
import { DEFAULT_NUMBER_LIMITS, type NumberLimits } from '../domain/limits';
import type { CatalogUpdateService } from '../services/catalogUpdates';
import type { Logger } from '../logging/logger';
import { HttpError } from '../http/errors';
import { handle, sendJson } from '../http/json';
import { firstIssue } from '../domain/zodIssues';
import { shopApiGuard } from './shopApi';

export interface ProductRouteDeps {
  /** Undefined: catalogue updates are disabled and the routes answer 404. */
  apiKey: string | undefined;
  catalogUpdates: Pick<CatalogUpdateService, 'put' | 'putMany'>;
  log: Logger;
  /** `maxUnitPrice` bounds a product's price (default DEFAULT_NUMBER_LIMITS). */
  limits?: NumberLimits;
}

/** Products per POST: one write of this many stays well under the default 256 KB body limit (MAX_BODY_BYTES). */
export const MAX_BATCH = 1000;

const nonEmpty = (max: number) => z.string().trim().min(1, 'must be a non-empty string').max(max, `must be at most ${max} characters`);

const incomingProductSchema = (limits: NumberLimits) => ProductSchema.extend({
  // Card buttons carry product ids of up to 64 characters (dialogs/suggestions/cards.ts).
  id: nonEmpty(64),
  name: nonEmpty(200),
  category: z.string().refine((c) => CATEGORY_IDS.includes(c), `must be one of: ${CATEGORY_IDS.join(', ')}`),
  subcategory: nonEmpty(100).optional(),
  price: z.number('must be a number').nonnegative('must be 0 or more').max(limits.maxUnitPrice, `must be at most ${limits.maxUnitPrice}`),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be a 3-letter ISO 4217 code in capitals, e.g. GBP'),
  tags: z.array(nonEmpty(60), 'must be a list of words (may be empty)').max(50, 'must hold at most 50 tags'),
  inStock: z.boolean('must be true or false'),
  addedAt: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time, e.g. 2026-11-22T10:00:00Z' })
    // One canonical form in the store, whatever offset the shop used.
    .transform((date) => new Date(date).toISOString()).optional(),
});

const singleProductSchema = (limits: NumberLimits) => incomingProductSchema(limits).extend({ id: nonEmpty(64).optional() });

const batchSchema = (limits: NumberLimits) => z.object({
  products: z.array(incomingProductSchema(limits)).min(1, 'must hold at least one product').max(MAX_BATCH, `must hold at most ${MAX_BATCH} products: send more batches`),
}).superRefine(({ products }, ctx) => {
  const first = new Map<string, number>();
  products.forEach((p, i) => {
    const earlier = first.get(p.id);
    if (earlier === undefined) first.set(p.id, i);
    else ctx.addIssue({ code: 'custom', path: ['products', i, 'id'], message: `"${p.id}" is also products.${earlier}: send each product once` });
  });
});

const DISABLED_MESSAGE = 'Catalogue updates are disabled: set ORDERS_API_KEY (the shop API key, 32+ characters) to enable PUT /api/products/:id and POST /api/products.';

export function registerProductRoutes(server: Server, deps: ProductRouteDeps): void {
  const authorized = shopApiGuard(deps.apiKey, DISABLED_MESSAGE);
  const schemas = productSchemas(deps.limits ?? DEFAULT_NUMBER_LIMITS);

  server.put('/api/products/:id', handle(deps.log, async (req, res) => {
    authorized(req);
    const pathId: unknown = req.params?.id;
    const { id, created } = await deps.catalogUpdates.put(valueOr400(parseProduct(pathId, req.body, schemas)));
    sendJson(res, created ? 201 : 200, { id, created });
  }, FAILURE));

  server.post('/api/products', handle(deps.log, async (req, res) => {
    authorized(req);
    const { created, updated } = await deps.catalogUpdates.putMany(valueOr400(parseBatch(req.body, schemas)));
    sendJson(res, 200, { created: created.length, updated: updated.length });
  }, FAILURE));
}

const FAILURE = { log: 'catalogue update failed', message: 'The catalogue could not be updated; the error was logged. Retry later.' };

function valueOr400<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new HttpError(400, parsed.message, { code: 'invalid_product' });
  return parsed.value;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

type ProductSchemas = { single: ReturnType<typeof singleProductSchema>; batch: ReturnType<typeof batchSchema> };

function productSchemas(limits: NumberLimits): ProductSchemas {
  return { single: singleProductSchema(limits), batch: batchSchema(limits) };
}

/** The product of a PUT: the path names it; a body id, when sent, must be the same. */
export function parseProduct(pathId: unknown, body: unknown, schemas = productSchemas(DEFAULT_NUMBER_LIMITS)): Parsed<Product> {
  const parsed = schemas.single.safeParse(body);
  if (!parsed.success) return invalid(parsed.error);
  const id = typeof pathId === 'string' ? pathId.trim() : '';
  if (!id || id.length > 64) return { ok: false, message: 'id: the path must name a product id of 1 to 64 characters' };
  if (parsed.data.id !== undefined && parsed.data.id !== id) {
    return { ok: false, message: `id: "${parsed.data.id}" differs from the id in the path ("${id}"): leave it out or send the same` };
  }
  return { ok: true, value: { ...parsed.data, id } };
}

export function parseBatch(body: unknown, schemas = productSchemas(DEFAULT_NUMBER_LIMITS)): Parsed<Product[]> {
  const parsed = schemas.batch.safeParse(body);
  return parsed.success ? { ok: true, value: parsed.data.products } : invalid(parsed.error);
}

/** e.g. "products.3.price: must be 0 or more". */
function invalid(error: z.ZodError): { ok: false; message: string } {
  return { ok: false, message: firstIssue(error, 'body') };
}
