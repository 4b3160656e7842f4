/** StoreFeedbackService over a real lowdb store from the seed: the 30-day rule and what a survey stores. */
import { DEMO_CUSTOMERS } from '../../data/seed/demoCustomers';
import { StoreFeedbackService, SURVEY_INTERVAL_DAYS } from '../../services/feedbackService';
import { StoreIdentityService } from '../../services/identityService';
import { silentLogger } from '../support/silentLogger';
import type { CustomerProfile, SuggestionContext } from '../../services/ports';
import { createStoreTemplate, personaOf, TEST_NOW, type StoreTemplate, type TestStore } from './serviceStore';

const ALICE = DEMO_CUSTOMERS[0];
const PRIYA = DEMO_CUSTOMERS[1];
const DAY = 86_400_000;

let template: StoreTemplate;
beforeAll(async () => { template = await createStoreTemplate(5); });
afterAll(async () => { await template.dispose(); });

async function harness(): Promise<{ t: TestStore; clock: { now: Date }; feedback: StoreFeedbackService; profileOf(id: string): Promise<CustomerProfile> }> {
  const t = await template.fresh();
  const clock = { now: TEST_NOW };
  const r = t.store.repositories;
  const identity = new StoreIdentityService({
    customers: r.customers, orders: r.orders, segments: r.segments, locks: r.locks, audit: r.audit,
    personaOf, identitySecret: 'feedback-test-secret-feedback-test-secret', maxTokenTtlSeconds: 3600, log: silentLogger,
  });
  const profileOf = async (id: string) => {
    const profile = await identity.profile(id);
    if (!profile) throw new Error(`demo customer ${id} missing from the seed`);
    return profile;
  };
  return { t, clock, feedback: new StoreFeedbackService(r.feedback, () => clock.now), profileOf };
}

const answers = { csat: 5, nps: 10, comment: 'Lovely lanterns', followsSuggestions: ['85123A', '21733'] };

describe('when a survey may be offered', () => {
  it.each([
    ['no survey before: offered', null, true],
    ['a survey an hour ago: not offered', 1 / 24, false],
    ['a survey 29 days ago: not offered', 29, false],
    ['a survey just under 30 days ago: not offered', SURVEY_INTERVAL_DAYS - 1 / 1440, false],
    ['a survey exactly 30 days ago: offered', SURVEY_INTERVAL_DAYS, true],
    ['a survey 31 days ago: offered', 31, true],
  ])('%s', async (_name, daysAgo, offered) => {
    const h = await harness();
    if (daysAgo !== null) {
      h.clock.now = new Date(TEST_NOW.getTime() - daysAgo * DAY);
      await h.feedback.submit({ conversationId: 'earlier', profile: await h.profileOf(ALICE.id) }, answers);
    }
    // Both the injected clock and the explicit `now` argument are honoured.
    h.clock.now = TEST_NOW;
    expect(await h.feedback.canOffer(ALICE.id)).toBe(offered);
    expect(await h.feedback.canOffer(ALICE.id, TEST_NOW)).toBe(offered);
  });

  it("is not blocked by another customer's or a guest's survey", async () => {
    const h = await harness();
    await h.feedback.submit({ conversationId: 'priya', profile: await h.profileOf(PRIYA.id) }, answers);
    await h.feedback.submit({ conversationId: 'guest', profile: null }, answers);
    expect(await h.feedback.canOffer(ALICE.id)).toBe(true);
    expect(await h.feedback.canOffer(PRIYA.id)).toBe(false);
  });

  it('always offers to guests (the dialog keeps it to once per conversation)', async () => {
    const h = await harness();
    for (let i = 0; i < 2; i += 1) await h.feedback.submit({ conversationId: `guest-${i}`, profile: null }, answers);
    expect(await h.feedback.canOffer(null)).toBe(true);
  });
});

describe('what a survey stores', () => {
  it.each([
    ['an identified customer', ALICE.id],
    ['a guest', null],
  ])('for %s: the answers, the segment at the time and the suggestions it follows, durably', async (_name, customerId) => {
    const h = await harness();
    const profile = customerId ? await h.profileOf(customerId) : null;
    const context: SuggestionContext = { conversationId: 'conv-survey', profile };
    await h.feedback.submit(context, { csat: 2, nps: null, comment: null, followsSuggestions: ['85123A'] });

    await h.t.store.close();
    const stored = await (await h.t.reopen()).repositories.feedback.list();
    expect(stored).toEqual([{
      id: expect.stringMatching(/^fb-/), conversationId: 'conv-survey', customerId,
      segment: profile ? { primary: profile.segment.primary, rfmLabel: profile.segment.rfmLabel, persona: profile.persona.id } : null,
      csat: 2, nps: null, comment: null, followsSuggestions: ['85123A'], at: TEST_NOW.toISOString(),
    }]);
    if (profile) expect(profile.segment.rfmLabel).not.toBe('no_history');
  });
});
