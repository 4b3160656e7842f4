/**
 * The change feed that keeps every instance's in-memory indexes in step with the database: the changes table is
 * read by id after the last one applied; LISTEN/NOTIFY only wakes the reader early (notifications sent while the
 * listener is disconnected are lost, so a periodic catch-up reads anyway). The cursor starts at the newest change
 * when the store opens, before the indexes are built from the database, so nothing falls between the two; changes
 * re-applied on the instance that made them are harmless (every index change is idempotent).
 */
import type { Client, Pool } from 'pg';
import { loadPg } from './pgModule';
import type { Customer, Order, Product } from '../../domain/model';

export interface ChangeBatch {
  /** The last change id this batch covers. */
  upTo: string;
  products: Product[];
  customers: Customer[];
  orders: Order[];
  /** Erasures: the customer's orders moved from `customerId` to `pseudonym`. */
  erasures: { customerId: string; pseudonym: string }[];
}

export type ChangeHandler = (batch: ChangeBatch) => Promise<void>;
type Log = (msg: string, fields?: Record<string, unknown>) => void;

export interface ChangeFeedOptions {
  /** Catch-up period when no notification arrives (default 1000 ms). */
  pollMs?: number;
  batchSize?: number;
  log?: Log;
}

export async function newestChangeId(pool: Pool): Promise<string> {
  const { rows } = await pool.query<{ id: string }>('SELECT coalesce(max(id), 0)::text AS id FROM changes');
  return rows[0].id;
}

export class ChangeFeed {
  private listener: Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private reading: Promise<void> | undefined;
  private readAgain = false;
  private stopped = false;
  private handler: ChangeHandler | undefined;

  constructor(private readonly pool: Pool, private readonly url: string, private cursor: string, private readonly options: ChangeFeedOptions = {}) {}

  /** The id of the last change applied. */
  get position(): string {
    return this.cursor;
  }

  start(handler: ChangeHandler): void {
    this.handler = handler;
    this.timer = setInterval(() => this.wake(), this.options.pollMs ?? 1000);
    this.timer.unref();
    void this.listen();
    this.wake();
  }

  /** Reads now (or once more after the read in progress); resolves when the reading is done. */
  wake(): Promise<void> {
    if (this.stopped || !this.handler) return Promise.resolve();
    if (this.reading) {
      this.readAgain = true;
      return this.reading;
    }
    this.reading = this.readAll().finally(() => { this.reading = undefined; });
    return this.reading;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.reading;
    await this.listener?.end().catch(() => undefined);
  }

  private async readAll(): Promise<void> {
    do {
      this.readAgain = false;
      try {
        while (!this.stopped && (await this.readBatch())) { /* a full batch: read on */ }
      } catch (error) {
        // The database is away: the next wake-up or catch-up tries again from the same cursor.
        this.options.log?.('change feed: read failed, will retry', { error: (error as Error).message });
        return;
      }
    } while (this.readAgain && !this.stopped);
  }

  /** Applies the next batch; true when it was full (there may be more). */
  private async readBatch(): Promise<boolean> {
    const limit = this.options.batchSize ?? 500;
    const { rows } = await this.pool.query<{ id: string; kind: string; key: string }>(
      // ORDER BY the bigint column: the text alias would sort '1000' before '368'.
      'SELECT id::text AS id, kind, key FROM changes WHERE changes.id > $1::bigint ORDER BY changes.id LIMIT $2', [this.cursor, limit]);
    if (!rows.length) return false;
    const keysOf = (kind: string) => [...new Set(rows.filter((r) => r.kind === kind).map((r) => r.key))];
    const [products, customers, orders] = await Promise.all([
      this.docs<Product>('SELECT doc FROM products WHERE id = ANY($1::text[])', keysOf('product')),
      this.docs<Customer>('SELECT doc FROM customers WHERE id = ANY($1::text[])', keysOf('customer')),
      this.docs<Order>('SELECT doc FROM orders WHERE id = ANY($1::text[]) ORDER BY seq', keysOf('order')),
    ]);
    const erasures = rows.filter((r) => r.kind === 'erasure').map((r) => JSON.parse(r.key) as { customerId: string; pseudonym: string });
    const upTo = rows[rows.length - 1].id;
    await this.handler?.({ upTo, products, customers, orders, erasures });
    this.cursor = upTo;
    return rows.length === limit;
  }

  private async docs<T>(sql: string, keys: string[]): Promise<T[]> {
    if (!keys.length) return [];
    const { rows } = await this.pool.query<{ doc: T }>(sql, [keys]);
    return rows.map((r) => r.doc);
  }

  /** Keeps one LISTEN connection; after losing it, reconnects and catches up (notifications were lost meanwhile). */
  private async listen(): Promise<void> {
    while (!this.stopped) {
      const client = new (loadPg().Client)({ connectionString: this.url });
      try {
        await client.connect();
        const lost = new Promise<void>((resolve) => { client.once('error', () => resolve()); client.once('end', () => resolve()); });
        client.on('notification', () => { void this.wake(); });
        await client.query('LISTEN changes');
        this.listener = client;
        void this.wake();
        await lost;
      } catch {
        // Unreachable: wait and try again below.
      }
      this.listener = undefined;
      await client.end().catch(() => undefined);
      if (!this.stopped) await new Promise((r) => setTimeout(r, 1000).unref());
    }
  }
}
