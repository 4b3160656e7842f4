/**
 * Live chat messages between instances: the instance where an agent sends a message stores it and NOTIFYs its id;
 * every instance LISTENs, and the one holding the shopper's event stream reads the row and pushes it. The payload
 * carries only ids (NOTIFY payloads are small and public to every listener). After a lost LISTEN connection the
 * relay reads what it missed (by id) for the conversations it holds streams for.
 */
import type { Client, Pool } from 'pg';
import { loadPg } from './pgModule';
import { jsonb, storable } from './pool';

const CHANNEL = 'live_messages';
type Log = (msg: string, fields?: Record<string, unknown>) => void;
export type LiveMessageHandler = (conversationId: string, message: Record<string, unknown>) => void;

export class PostgresLiveRelay {
  private listener: Client | undefined;
  private stopped = false;
  private cursor = '0';
  private handler: LiveMessageHandler | undefined;
  private wanted: (conversationId: string) => boolean = () => false;
  private listening: Promise<void> | undefined;

  constructor(private readonly pool: Pool, private readonly url: string, private readonly log?: Log) {}

  /** Stores the message and tells every instance (this one included) in one statement. */
  async publish(conversationId: string, message: Record<string, unknown>): Promise<void> {
    await this.pool.query(
      `WITH stored AS (INSERT INTO live_messages (conversation_id, doc) VALUES ($1, $2) RETURNING id, conversation_id)
       SELECT pg_notify('${CHANNEL}', json_build_object('id', id, 'conversationId', conversation_id)::text) FROM stored`,
      [storable(conversationId), jsonb(message)]);
  }

  /** `wanted`: whether this instance holds a stream for the conversation (only those rows are read). */
  async start(handler: LiveMessageHandler, wanted: (conversationId: string) => boolean): Promise<void> {
    this.handler = handler;
    this.wanted = wanted;
    const { rows } = await this.pool.query<{ id: string }>('SELECT coalesce(max(id), 0)::text AS id FROM live_messages');
    this.cursor = rows[0].id;
    let connected: () => void = () => undefined;
    const first = new Promise<void>((resolve) => { connected = resolve; });
    this.listening = this.listen(connected);
    await Promise.race([first, new Promise((r) => setTimeout(r, 5000).unref())]);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.listener?.end().catch(() => undefined);
    await this.listening;
  }

  private async deliver(id: string, conversationId: string): Promise<void> {
    if (!this.wanted(conversationId)) return;
    const { rows } = await this.pool.query<{ doc: Record<string, unknown> }>('SELECT doc FROM live_messages WHERE id = $1', [id]);
    if (rows[0]) this.handler?.(conversationId, rows[0].doc);
  }

  private advance(id: string): void {
    if (BigInt(id) > BigInt(this.cursor)) this.cursor = id;
  }

  private async catchUp(): Promise<void> {
    const { rows } = await this.pool.query<{ id: string; conversation_id: string; doc: Record<string, unknown> }>(
      'SELECT id::text AS id, conversation_id, doc FROM live_messages WHERE id > $1::bigint ORDER BY id', [this.cursor]);
    for (const row of rows) {
      this.advance(row.id);
      if (this.wanted(row.conversation_id)) this.handler?.(row.conversation_id, row.doc);
    }
  }

  private async listen(connected: () => void): Promise<void> {
    let reconnecting = false;
    while (!this.stopped) {
      const client = new (loadPg().Client)({ connectionString: this.url });
      try {
        await client.connect();
        const lost = new Promise<void>((resolve) => { client.once('error', () => resolve()); client.once('end', () => resolve()); });
        client.on('notification', (note) => {
          try {
            const { id, conversationId } = JSON.parse(note.payload ?? '') as { id: number; conversationId: string };
            this.advance(String(id));
            this.deliver(String(id), conversationId).catch((error: Error) => this.log?.('live message not read', { error: error.message }));
          } catch {
            // Not ours (another writer on the channel): ignored.
          }
        });
        await client.query(`LISTEN ${CHANNEL}`);
        this.listener = client;
        // stop() may have run while this connection was being made: it found no listener to end.
        if (this.stopped) void client.end().catch(() => undefined);
        if (reconnecting) await this.catchUp();
        connected();
        await lost;
      } catch (error) {
        this.log?.('live messages: listener lost, reconnecting', { error: (error as Error).message });
      }
      this.listener = undefined;
      reconnecting = true;
      await client.end().catch(() => undefined);
      if (!this.stopped) await new Promise((r) => setTimeout(r, 1000).unref());
    }
  }
}
