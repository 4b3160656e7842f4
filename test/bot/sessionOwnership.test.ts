/**
 * Through the real server: a signed-in session belongs to the channel user who signed in. Anyone else
 * posting into the same conversation id is a guest and gets none of the customer's data.
 */
import { startApp, say, TEST_IDENTITY_SECRET, type RunningApp, type ReplyActivity } from '../support/app';
import { signIdentity } from '../../services/identityToken';
import { DEMO_CUSTOMERS } from '../../data/seed/demoCustomers';

let running: RunningApp;
beforeAll(async () => { running = await startApp(); });
afterAll(async () => { await running.app.close(); });

const [alice] = DEMO_CUSTOMERS;
const everything = (replies: ReplyActivity[]) => JSON.stringify(replies);

describe('a shared conversation id', () => {
  it('gives another from.id no export, no consent change and no erasure of the signed-in customer', async () => {
    const conversation = 'shared-conv-1';
    const owner = { from: { id: 'owner-1' } };
    const intruder = { from: { id: 'intruder-1' } };
    const identity = signIdentity(alice.id, TEST_IDENTITY_SECRET, 300);
    expect((await say(running.url, conversation, 'hi', { ...owner, channelData: { identity } }))[0].text).toMatch(/Hi Alice/);

    const exported = await say(running.url, conversation, 'what do you know about me', intruder);
    expect(everything(exported)).not.toContain(alice.email);
    expect(everything(exported)).not.toMatch(/Here is what I hold about you/);
    expect(exported.some((r) => (r.attachments?.length ?? 0) > 0)).toBe(false);
    await say(running.url, conversation, 'no', intruder);

    await say(running.url, conversation, 'opt me out of personalisation', intruder);
    await say(running.url, conversation, 'no', intruder);
    await say(running.url, conversation, 'delete my data', intruder);
    await say(running.url, conversation, 'yes', intruder);
    await say(running.url, conversation, 'yes', intruder);

    // The owner's own session is untouched, and so is the customer: not erased, consent unchanged.
    const own = await say(running.url, conversation, 'what do you know about me', { ...owner, channelData: { identity } });
    expect(own[0].text).toMatch(/^Here is what I hold about you, Alice/);
    expect(own[0].text).toContain('personalised suggestions are on');
  });
});
