/**
 * POST /api/orders: the shop pushes each new order so suggestions and segments stay fresh. Guarded by the shop API
 * key (ORDERS_API_KEY, see shopApi.ts): off unless it is set. Errors answer `{ error, message }` (http/errors.ts).
 * The server's JSON body parser runs before this route, so malformed JSON gets its 400 even before the key check.
 */
import type { Response, Server } from 'restify';
import { z } from 'zod';
import { OrderLineSchema } from '../domain/model';
import { DEFAULT_NUMBER_LIMITS, type NumberLimits } from '../domain/limits';
import type { Logger } from '../logging/logger';
import type { IncomingOrder, IntakeOutcome, OrderIntakeService } from '../services/orderIntake';
import { HttpError } from '../http/errors';
import { handle, sendJson } from '../http/json';
import { firstIssue } from '../domain/zodIssues';
import { shopApiGuard } from './shopApi';

export interface OrderRouteDeps {
  /** Undefined: intake is disabled and the route answers 404. */
  apiKey: string | undefined;
  intake: Pick<OrderIntakeService, 'record'>;
  log: Logger;
  now?: () => Date;
  /** Largest quantity and unit price of a line (default DEFAULT_NUMBER_LIMITS). */
  limits?: NumberLimits;
}

/** Orders dated further ahead than this (clock skew between shop and bot) are refused: recency would go negative. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** Bounded, finite quantities and prices (see domain/limits.ts): one huge line must not overflow a total to Infinity. */
const incomingOrderSchema = (limits: NumberLimits) => z.object({
  id: z.string().trim().min(1, 'must be a non-empty string'),
  customerId: z.string().trim().min(1, 'must be a non-empty string'),
  date: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time, e.g. 2026-11-22T10:00:00Z' }).optional(),
  lines: z.array(OrderLineSchema.extend({
    productId: z.string().trim().min(1, 'must be a non-empty string'),
    // The bound first: zod calls 1e300 "not a whole number" (not a safe integer), which would mislead.
    quantity: z.number().positive('must be greater than 0').max(limits.maxOrderQuantity, `must be at most ${limits.maxOrderQuantity}`)
      .int('must be a whole number'),
    unitPrice: z.number().nonnegative('must be 0 or more').max(limits.maxUnitPrice, `must be at most ${limits.maxUnitPrice}`),
  })).min(1, 'must hold at least one line'),
  /** A first-time buyer: registered with this order when `customerId` is new (ignored for a known customer). */
  customer: z.object({
    displayName: z.string().trim().min(1, 'must be a non-empty string').max(200, 'must be at most 200 characters'),
    email: z.email('must be an email address').max(254, 'must be at most 254 characters'),
    postcode: z.string().trim().max(20, 'must be at most 20 characters').default(''),
    country: z.string().trim().min(1, 'must be a non-empty string').max(60, 'must be at most 60 characters'),
    consent: z.object({ marketing: z.boolean().optional(), personalization: z.boolean().optional() }).optional(),
  }).optional(),
});

const DISABLED_MESSAGE = 'Order intake is disabled: set ORDERS_API_KEY (32+ characters) to enable POST /api/orders.';

export function registerOrderRoutes(server: Server, deps: OrderRouteDeps): void {
  const authorized = shopApiGuard(deps.apiKey, DISABLED_MESSAGE);
  const now = deps.now ?? (() => new Date());
  const schema = incomingOrderSchema(deps.limits ?? DEFAULT_NUMBER_LIMITS);

  server.post('/api/orders', handle(deps.log, async (req, res) => {
    authorized(req);
    const parsed = parseOrder(req.body, now(), schema);
    if (!parsed.ok) throw new HttpError(400, parsed.message, { code: 'invalid_order' });
    answer(res, await deps.intake.record(parsed.order));
  }, { log: 'order intake failed', message: 'The order could not be recorded; the error was logged. Retry later.' }));
}

function answer(res: Response, outcome: IntakeOutcome): void {
  switch (outcome.kind) {
    case 'recorded':
      return sendJson(res, 201, { orderId: outcome.orderId, recorded: true, newCustomer: outcome.newCustomer, segment: outcome.segment });
    case 'duplicate':
      return sendJson(res, 200, { orderId: outcome.orderId, recorded: false });
    case 'conflict':
      throw new HttpError(409, `Order ${outcome.orderId} was already recorded with different content.`, { code: 'order_conflict' });
    case 'unknown_customer':
      throw new HttpError(404, outcome.erased
        ? `Customer ${outcome.customerId} asked for their data to be erased: no new orders are attached to that id.`
        : `No customer ${outcome.customerId}: send a "customer" object (displayName, email, country, postcode) with a first-time buyer's order to register them.`,
      { code: 'unknown_customer' });
    case 'email_in_use':
      throw new HttpError(409, `Customer ${outcome.customerId} is new, but another customer already has that email: send their customer id.`, { code: 'email_in_use' });
    case 'unknown_products':
      throw new HttpError(422, `Unknown product ids: ${outcome.productIds.join(', ')}. The catalogue must list them first.`,
        { code: 'unknown_products', details: { productIds: outcome.productIds } });
  }
}

type ParsedOrder = { ok: true; order: IncomingOrder } | { ok: false; message: string };

/** Validates the body; the first bad field is named, e.g. "lines.0.quantity: must be a whole number". */
export function parseOrder(body: unknown, now: Date, schema = incomingOrderSchema(DEFAULT_NUMBER_LIMITS)): ParsedOrder {
  const parsed = schema.safeParse(body);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error, 'body') };
  const { date, ...rest } = parsed.data;
  if (date === undefined) return { ok: true, order: rest };
  if (Date.parse(date) > now.getTime() + FUTURE_TOLERANCE_MS) return { ok: false, message: 'date: must not be in the future' };
  // One canonical form in the store, whatever offset the shop used.
  return { ok: true, order: { ...rest, date: new Date(date).toISOString() } };
}
