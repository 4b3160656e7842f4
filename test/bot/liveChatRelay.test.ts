/**
 * Live handoff across instances: two hubs, each with its own PostgreSQL relay (two instances' worth of pools and
 * LISTEN connections) on one database. A shopper's event stream held by instance A receives an agent's message
 * delivered through instance B; a stream on neither instance receives nothing; a relay whose LISTEN connection was
 * cut reads what it missed once it is back.
 */
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { Client } from 'pg';
import { migrate } from '../../data/postgres/migrator';
import { createPool } from '../../data/postgres/pool';
import { PostgresLiveRelay } from '../../data/postgres/liveMessages';
import { LiveChatHub } from '../../bot/liveChatHub';
import { postgresSuite } from '../support/postgres';

const pg = postgresSuite('liveChatRelay.test');

/** Collects what a stream receives; `next()` waits for the next one. */
function streamOf(hub: LiveChatHub, conversationId: string) {
  const received: Record<string, unknown>[] = [];
  let wake: () => void = () => undefined;
  const close = hub.subscribe(conversationId, (activity) => { received.push(activity); wake(); });
  return {
    received,
    close,
    next: async (limitMs = 10_000): Promise<Record<string, unknown>> => {
      const deadline = Date.now() + limitMs;
      while (!received.length) {
        if (Date.now() > deadline) throw new Error('nothing arrived');
        await new Promise<void>((resolve) => { wake = resolve; setTimeout(resolve, 100); });
      }
      return received.shift() as Record<string, unknown>;
    },
  };
}

pg.describe('live chat between two instances on one database', () => {
  const pools: ReturnType<typeof createPool>[] = [];
  const relays: PostgresLiveRelay[] = [];
  const hubs: LiveChatHub[] = [];
  let url: string;

  beforeAll(async () => {
    url = await pg.cluster().freshDatabase();
    for (let i = 0; i < 2; i++) {
      pools.push(createPool(url, { max: 2 }));
      relays.push(new PostgresLiveRelay(pools[i], url));
      hubs.push(new LiveChatHub(new ConfigurationBotFrameworkAuthentication({}), '', async () => null, relays[i]));
    }
    await migrate(pools[0]);
    await Promise.all(hubs.map((h) => h.connectRelay()));
  }, 60_000);
  afterAll(async () => {
    await Promise.all(relays.map((r) => r.stop()));
    await Promise.all(pools.map((p) => p.end()));
  });

  it("an agent's message sent through instance B reaches the shopper's stream on instance A, once", async () => {
    const onA = streamOf(hubs[0], 'conv-a');
    const elsewhere = streamOf(hubs[1], 'conv-other');
    await hubs[1].deliver('conv-a', { text: 'Hello from the team', from: { id: 'agent-1', name: 'Sam' } });
    expect(await onA.next()).toMatchObject({ type: 'message', text: 'Hello from the team', from: { id: 'agent-1', name: 'Sam' } });
    await hubs[0].deliver('conv-a', { text: 'and from A itself', from: { id: 'agent-1', name: 'Sam' } });
    expect(await onA.next()).toMatchObject({ text: 'and from A itself' });
    expect(onA.received).toEqual([]);
    expect(elsewhere.received).toEqual([]);
    onA.close();
    elsewhere.close();
  });

  it('after its LISTEN connection is cut, an instance pushes what was sent meanwhile', async () => {
    const onA = streamOf(hubs[0], 'conv-b');
    const admin = new Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN live_messages' AND datname = current_database() AND pid <> pg_backend_pid()");
      await hubs[1].deliver('conv-b', { text: 'sent while A was reconnecting', from: { id: 'agent-1', name: 'Sam' } });
      expect(await onA.next(15_000)).toMatchObject({ text: 'sent while A was reconnecting' });
    } finally {
      await admin.end();
      onA.close();
    }
  });
});
