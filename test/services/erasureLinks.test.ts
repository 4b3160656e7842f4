/**
 * Erasure leaves no link: after it, no stored record joins the customer id (kept on their stub record) to the
 * pseudonym their orders carry. Earlier audit entries about the customer are redacted, the erasure entry names
 * neither, and no entry naming the customer can land after the erasure. StorePrivacyService over a real lowdb store
 * (a copy of the seed in a temp folder) and the real console store.
 */
import type { OpenedConsoleStore as ConsoleStore } from '../../data/consolePorts';
import { DEMO_CUSTOMERS } from '../../data/seed/demoCustomers';
import { ERASED_SUBJECT, type AuditEntry } from '../../domain/model';
import { StorePrivacyService } from '../../services/privacyService';
import { createStoreTemplate, occurrences, TEST_NOW, type StoreTemplate, type TestStore } from './serviceStore';

const ALICE = DEMO_CUSTOMERS[0];
const JONAS = DEMO_CUSTOMERS[2];

let template: StoreTemplate;
beforeAll(async () => { template = await createStoreTemplate(10); });
afterAll(async () => { await template.dispose(); });

interface Harness {
  t: TestStore;
  consoleStore: ConsoleStore;
  privacy: StorePrivacyService;
  erasedHooks: { customerId: string; pseudonym: string }[];
}

async function harness(): Promise<Harness> {
  const t = await template.fresh();
  const consoleStore = await t.openConsoleStore();
  const erasedHooks: Harness['erasedHooks'] = [];
  const privacy = new StorePrivacyService({
    repositories: t.store.repositories, transcripts: consoleStore.transcripts, now: () => TEST_NOW,
    onErased: (customerId, pseudonym) => { erasedHooks.push({ customerId, pseudonym }); },
  });
  return { t, consoleStore, privacy, erasedHooks };
}

describe('erasure leaves no link', () => {
  it('leaves no stored record that joins the customer id to the pseudonym: earlier audit entries are redacted', async () => {
    const h = await harness();
    const r = h.t.store.repositories;
    // What happens before an erasure: a consent change, an export, a staff member reading a conversation.
    await h.privacy.setConsent(ALICE.id, 'marketing', true);
    await h.privacy.exportData(ALICE.id);
    await r.audit.add({ id: 'staff-read-1', at: TEST_NOW.toISOString(), action: 'staff_access', subject: ALICE.id, actor: 'staff-ann', details: { conversationId: 'conv-alice' } });
    await r.audit.add({ id: 'staff-read-2', at: TEST_NOW.toISOString(), action: 'staff_access', subject: JONAS.id, actor: 'staff-ann', details: { conversationId: 'conv-jonas' } });
    const aliceOrders = (await r.orders.forCustomer(ALICE.id)).length;
    expect((await r.audit.list()).filter((a) => a.subject === ALICE.id)).toHaveLength(3);

    await h.privacy.erase(ALICE.id);
    const pseudonym = h.erasedHooks[0].pseudonym;
    await h.t.store.close();
    const reopened = await h.t.reopen();
    const entries = await reopened.repositories.audit.list();
    // The auditor still sees each action, who acted and when; nothing names or counts the customer.
    const aboutErased = entries.filter((a) => a.subject === ERASED_SUBJECT);
    expect(aboutErased.map(({ action, actor, details }) => ({ action, actor, details }))).toEqual([
      { action: 'consent_change', actor: 'customer', details: {} },
      { action: 'data_export', actor: 'customer', details: {} },
      { action: 'staff_access', actor: 'staff-ann', details: {} },
      { action: 'erasure', actor: 'customer', details: {} },
    ]);
    expect(aboutErased.every((a) => a.at === TEST_NOW.toISOString())).toBe(true);
    // Other customers' entries are untouched.
    expect(entries.find((a) => a.id === 'staff-read-2')).toMatchObject({ subject: JONAS.id, details: { conversationId: 'conv-jonas' } });

    // On disk, across every file of the store: the customer id is only on their stub record, the pseudonym only on
    // the orders, and no audit line holds either, nor the number of orders.
    const text = await h.t.fileText();
    expect(occurrences(text, `"${pseudonym}"`)).toBe(aliceOrders);
    expect(occurrences(text, `"${ALICE.id}"`)).toBe(1);
    const auditLines = text.split('\n').filter((line) => line.includes('"action":')).map((line) => JSON.parse(line) as AuditEntry);
    expect(auditLines.length).toBe(entries.length);
    for (const entry of auditLines.filter((a) => a.subject === ERASED_SUBJECT)) expect(Object.values(entry.details)).not.toContain(aliceOrders);
  });

  it('an export in flight when the erasure arrives leaves no entry naming the customer either', async () => {
    const h = await harness();
    const r = h.t.store.repositories;
    // The export's reads are held until the erasure has finished, or until the erasure is seen waiting for the
    // export (as it should): it has not even read the customer once the event loop has turned after it was asked
    // for. The timer only keeps the test from waiting forever on an erasure that read and then waited.
    let release = () => {};
    let fallback: NodeJS.Timeout | undefined;
    const gate = new Promise<void>((resolve) => { release = resolve; fallback = setTimeout(resolve, 3000); });
    let customerReads = 0;
    const customers = new Proxy(r.customers, {
      get: (target, prop) => (prop === 'get'
        ? (id: string) => { customerReads += 1; return target.get(id); }
        : Reflect.get(target, prop, target)),
    });
    const privacy = new StorePrivacyService({
      repositories: {
        ...r,
        customers,
        suggestionEvents: {
          add: (events) => r.suggestionEvents.add(events), list: () => r.suggestionEvents.list(),
          unlinkCustomer: (id) => r.suggestionEvents.unlinkCustomer(id),
          forCustomer: async (id) => { await gate; return r.suggestionEvents.forCustomer(id); },
        },
      },
      transcripts: h.consoleStore.transcripts, now: () => TEST_NOW,
    });
    const exporting = privacy.exportData(ALICE.id);
    await new Promise((resolve) => setImmediate(resolve));
    const readsBeforeErasure = customerReads;
    const erasing = privacy.erase(ALICE.id).finally(release);
    await new Promise((resolve) => setImmediate(resolve));
    if (customerReads === readsBeforeErasure) release();
    await erasing;
    await exporting;
    clearTimeout(fallback);
    expect((await r.audit.list()).filter((a) => a.subject === ALICE.id)).toEqual([]);
    expect((await r.audit.list()).map((a) => a.action)).toEqual(['data_export', 'erasure']);
  });
});
