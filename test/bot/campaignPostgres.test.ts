/**
 * Campaigns with the app on PostgreSQL (DATABASE_URL): migration 010's tables hold the campaign, its deliveries and
 * the customers' conversation references, and a campaign sent before a restart is still there after it.
 */
import { Client } from 'pg';
import { signIdentity } from '../../services/identityToken';
import { startApp, TEST_IDENTITY_SECRET, type RunningApp } from '../support/app';
import { postgresSuite } from '../support/postgres';
import { ADMIN, ADMIN_ENV, signIn } from './support/liveChat';
import { startStandInConnector, type StandInConnector } from './support/standInConnector';

const pg = postgresSuite('campaignPostgres.test');
const AUDIENCE = { rfmLabels: ['new_customers', 'cant_lose'] };

pg.describe('campaigns on PostgreSQL', () => {
  let running: RunningApp;
  let databaseUrl: string;
  let connector: StandInConnector;
  const env = () => ({ ...ADMIN_ENV, DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: '4', LOG_LEVEL: 'error', CAMPAIGN_INTERVAL_SECONDS: '1', CAMPAIGN_QUIET_HOURS: 'off', CAMPAIGN_MIN_AUDIENCE: '5' });
  const rows = async (sql: string): Promise<Record<string, unknown>[]> => {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql)).rows as Record<string, unknown>[];
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    connector = await startStandInConnector('answers');
    databaseUrl = await pg.cluster().freshDatabase();
    running = await startApp(env());
  }, 120_000);
  afterAll(async () => {
    await running?.app.close();
    await connector?.close();
  });

  it('stores references, campaigns and deliveries in the database and keeps them across a restart', async () => {
    const [{ customer_id: member }] = await rows(`SELECT customer_id FROM segments WHERE doc->'rfm'->>'label' = 'cant_lose' ORDER BY customer_id LIMIT 1`);
    const res = await fetch(`${running.url}/api/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message', id: 'act-1', text: 'hi', channelId: 'msteams', serviceUrl: connector.url, conversation: { id: 'teams-pg-1' },
        from: { id: 'teams-user-pg' }, recipient: { id: 'bot-1', name: 'Shop bot' },
        channelData: { identity: signIdentity(String(member), TEST_IDENTITY_SECRET, 300) },
      }),
    });
    expect(res.status).toBeLessThan(300);
    expect(await rows('SELECT customer_id, channel_id, conversation_id, user_id FROM conversation_references')).toEqual([
      { customer_id: member, channel_id: 'msteams', conversation_id: 'teams-pg-1', user_id: 'teams-user-pg' },
    ]);

    const admin = await signIn(running.url, ADMIN.email, ADMIN.password);
    const created = await admin.post('/api/review/campaigns', { name: 'On PG', audience: AUDIENCE, message: 'Hello from the shop.' });
    expect(created.status).toBe(201);
    const id = String(created.body.id);
    await admin.post(`/api/review/campaigns/${id}/start`);
    for (;;) {
      if ((await admin.get(`/api/review/campaigns/${id}`)).body.status === 'completed') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(connector.received.filter((r) => /Reply STOP/.test(r.activity.text ?? '')).map((r) => r.conversationId)).toEqual(['teams-pg-1']);
    expect(await rows(`SELECT outcome, count(*)::int AS n FROM campaign_deliveries GROUP BY outcome ORDER BY outcome`)).toEqual([
      { outcome: 'queued', n: expect.any(Number) }, { outcome: 'sent', n: 1 },
    ]);
    expect(await rows(`SELECT subject FROM audit WHERE doc->>'action' = 'campaign_send'`)).toEqual([{ subject: member }]);

    await running.app.close();
    running = await startApp(env(), running.dir);
    const again = await signIn(running.url, ADMIN.email, ADMIN.password);
    expect((await again.get(`/api/review/campaigns/${id}`)).body).toMatchObject({ name: 'On PG', status: 'completed', counts: { sent: 1 } });
  }, 120_000);
});
