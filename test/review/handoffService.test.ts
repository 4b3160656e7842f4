import { join } from 'node:path';
import { openStore } from '../../data/openStore';
import { emptyStoreData } from '../../data/storeSchema';
import { openConsoleStore } from '../../data/console/consoleStore';
import { ConsoleHandoffService } from '../../review/handoffs';
import { AT_RISK, entry } from './support/fixture';
import { withTempDir } from './support/tempDir';

test('a handoff request joins the queue with the conversation segment and is audited without personal data', async () => {
  const temp = await withTempDir();
  const commerce = await openStore({ path: join(temp.dir, 'store.json'), seed: emptyStoreData });
  const store = await openConsoleStore(join(temp.dir, 'console.json'));
  await store.transcripts.append('conv-9', 'webchat', [entry('2026-11-20T09:00:00Z', 'in', 'help please', 'A', AT_RISK)]);
  const service = new ConsoleHandoffService(store.handoffs, store.transcripts, commerce.repositories.audit, () => new Date('2026-11-20T09:01:00Z'));

  const { handoffId } = await service.request('conv-9', 'A', 'wants a person, mail me at ann@example.com');

  expect(await store.handoffs.list()).toEqual([expect.objectContaining({
    id: handoffId, conversationId: 'conv-9', customerId: 'A', segment: AT_RISK, status: 'open',
    reason: 'wants a person, mail me at [email]', requestedAt: '2026-11-20T09:01:00.000Z',
  })]);
  const [audit] = await commerce.repositories.audit.list();
  expect(audit).toMatchObject({ action: 'handoff', subject: 'A', actor: 'bot', details: { handoffId, conversationId: 'conv-9' } });
  await Promise.all([commerce.close(), store.close()]);
  await temp.cleanup();
});
