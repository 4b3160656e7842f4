/**
 * Consent changes, data export and erasure. Every change is durable before the promise resolves, so what
 * the bot confirms to the customer holds after a restart. Audit entries never carry personal data.
 */
import { createHash } from 'node:crypto';
import { ERASED_SUBJECT, type Consent, type Customer } from '../domain/model';
import type { Repositories, TranscriptRepository } from '../data/ports';
import type { PrivacyService } from './ports';
import { exclusivelyFor, updateCustomer } from './customerUpdates';
import { emailLockKey } from './identityService';
import { newId } from './ids';
import type { ExportSections } from './exportSections';

export interface PrivacyDeps {
  repositories: Repositories;
  transcripts: TranscriptRepository;
  /** Lets in-memory indexes (recommender, segments) forget an erased customer. */
  onErased?: (customerId: string, pseudonym: string) => void | Promise<void>;
  /** Sections other features add to the export (campaign deliveries, experiment exposures). */
  exportSections?: ExportSections;
  now?: () => Date;
}

export class StorePrivacyService implements PrivacyService {
  constructor(private readonly deps: PrivacyDeps) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  private async customer(customerId: string): Promise<Customer> {
    const customer = await this.deps.repositories.customers.get(customerId);
    if (!customer || customer.erasedAt) throw new Error(`no active customer ${customerId}`);
    return customer;
  }

  /** Like export and erasure, one at a time per customer: an audit entry naming the customer never lands after an
   * erasure has redacted their earlier ones. */
  setConsent(customerId: string, topic: 'marketing' | 'personalization', granted: boolean): Promise<Consent> {
    return exclusivelyFor(customerId, () => this.setConsentNow(customerId, topic, granted));
  }

  private async setConsentNow(customerId: string, topic: 'marketing' | 'personalization', granted: boolean): Promise<Consent> {
    const updated = await updateCustomer(this.deps.repositories.customers, customerId, (customer) => {
      if (!customer || customer.erasedAt) throw new Error(`no active customer ${customerId}`);
      return { ...customer, consent: { ...customer.consent, [topic]: granted, updatedAt: this.now().toISOString() } };
    });
    if (!updated) throw new Error(`no active customer ${customerId}`);
    await this.audit('consent_change', customerId, { topic, granted });
    return updated.consent;
  }

  exportData(customerId: string): Promise<Record<string, unknown>> {
    return exclusivelyFor(customerId, () => this.exportNow(customerId));
  }

  private async exportNow(customerId: string): Promise<Record<string, unknown>> {
    const { repositories: r, transcripts } = this.deps;
    const customer = await this.customer(customerId);
    const [orders, segment, feedback, events, conversations] = await Promise.all([
      r.orders.forCustomer(customerId), r.segments.get(customerId), r.feedback.forCustomer(customerId), r.suggestionEvents.forCustomer(customerId),
      transcripts.forCustomer(customerId),
    ]);
    const more = (await this.deps.exportSections?.collect(customerId)) ?? {};
    await this.audit('data_export', customerId, { orders: orders.length });
    return {
      exportedAt: this.now().toISOString(),
      customer,
      segment: segment ?? null,
      orders,
      feedback,
      suggestionEvents: events,
      conversations: conversations.map((c) => ({
        id: c.id, channel: c.channelId, startedAt: c.startedAt,
        messages: c.entries.map((e) => ({ at: e.at, from: e.direction === 'in' ? 'you' : 'assistant', text: e.text ?? '' })),
      })),
      ...more,
    };
  }

  erase(customerId: string): Promise<void> {
    return exclusivelyFor(customerId, () => this.eraseNow(customerId));
  }

  private async eraseNow(customerId: string): Promise<void> {
    const { repositories: r, transcripts } = this.deps;
    const customer = await this.customer(customerId);
    // The pseudonym cannot be turned back into the customer id.
    const pseudonym = `anon-${createHash('sha256').update(newId('erase')).digest('hex').slice(0, 16)}`;
    const at = this.now().toISOString();
    await r.orders.reassignCustomer(customerId, pseudonym);
    await r.feedback.unlinkCustomer(customerId);
    await r.suggestionEvents.unlinkCustomer(customerId);
    await transcripts.removeCustomer(customerId);
    await r.segments.remove(customerId);
    // Earlier entries (exports, consent changes, staff access) named the customer, and their counts matched the
    // erasure's: redacted, so no stored record joins the customer id to the pseudonym.
    await r.audit.redactSubject(customerId);
    // Failed attempts are keyed by a hash of the email, which still points at the person.
    await r.locks.remove(emailLockKey(customer.email));
    await updateCustomer(r.customers, customerId, () => ({
      id: customer.id,
      displayName: '',
      email: '',
      postcode: '',
      country: '',
      preferences: { categories: [], values: [] },
      identities: [],
      consent: { marketing: false, personalization: false, updatedAt: at },
      createdAt: customer.createdAt,
      erasedAt: at,
    }));
    await this.deps.onErased?.(customerId, pseudonym);
    // What an auditor needs: that an erasure happened, and when. Neither the pseudonym nor the counts (the orders under
    // that pseudonym could be counted and matched); the customer's stub record keeps its erasedAt.
    await this.audit('erasure', ERASED_SUBJECT, {});
  }

  private async audit(action: 'consent_change' | 'data_export' | 'erasure', subject: string, details: Record<string, string | number | boolean>): Promise<void> {
    await this.deps.repositories.audit.add({ id: newId('audit'), at: this.now().toISOString(), action, subject, actor: 'customer', details });
  }
}
