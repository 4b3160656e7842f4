/**
 * Sending campaigns. Consent is read again for every customer at the moment of sending (and again when a queued
 * message is shown), the frequency cap counts every campaign's messages, quiet hours hold proactive sends back.
 * A customer with a stored conversation reference gets a proactive message; the others get it on the chat page
 * at their next visit. Every message sent or shown gets an audit entry. A "stop" reply opts out at once.
 * A conversation with a handoff in progress gets no campaign message: the customer is held for a later batch, so
 * an offer never lands in the middle of a talk with an agent.
 */
import { randomUUID } from 'node:crypto';
import type { Campaign, CampaignDelivery, CampaignRepository, ConversationReferenceRepository, StoredReference } from '../../data/campaignPorts';
import type { AuditRepository, CustomerRepository, SegmentRepository } from '../../data/ports';
import type { Customer } from '../../domain/model';
import type { Logger } from '../../logging/logger';
import type { PrivacyService } from '../ports';
import { audienceMembers } from './audienceQuery';
import type { CampaignSettings } from './campaignInput';
import { composeMessage } from './message';
import { inQuietHours, withinFrequencyCap } from './pacing';

/** Sends one message into a stored conversation (bot/proactiveSender.ts); rejects when the connector fails. */
export interface ProactiveSender {
  send(reference: StoredReference, text: string): Promise<void>;
}

export interface CampaignDispatcherDeps {
  campaigns: CampaignRepository;
  references: ConversationReferenceRepository;
  customers: Pick<CustomerRepository, 'get' | 'list'>;
  segments: Pick<SegmentRepository, 'list'>;
  audit: Pick<AuditRepository, 'add'>;
  privacy: Pick<PrivacyService, 'setConsent'>;
  /** The picks lines for a customer (message.ts picksFor). */
  picks: (customerId: string, strategy: Campaign['strategy'], conversationId: string) => Promise<string[]>;
  sender?: ProactiveSender;
  /** Whether a handoff to staff is open or claimed by an agent in the conversation (the console's handoff store). */
  handoffInProgress?: (conversationId: string) => Promise<boolean>;
  settings: CampaignSettings;
  now: () => Date;
  log: Logger;
}

/** `held`: customers passed over for now (a handoff in progress); they stay in the audience for the next batch. */
export interface TickReport { campaigns: number; sent: number; queued: number; skipped: number; held: number }

const DAY_MS = 86_400_000;

export class CampaignDispatcher {
  constructor(private readonly deps: CampaignDispatcherDeps) {}

  /** One batch per due campaign (scheduled or running, start time reached, outside its quiet hours). */
  async runDue(): Promise<TickReport> {
    const report: TickReport = { campaigns: 0, sent: 0, queued: 0, skipped: 0, held: 0 };
    const now = this.deps.now();
    for (const campaign of await this.deps.campaigns.list()) {
      if (campaign.status !== 'scheduled' && campaign.status !== 'running') continue;
      if (Date.parse(campaign.startAt) > now.getTime() || inQuietHours(campaign.quietHours, now)) continue;
      report.campaigns += 1;
      await this.runBatch(campaign, now, report);
    }
    return report;
  }

  private async runBatch(campaign: Campaign, now: Date, report: TickReport): Promise<void> {
    const handled = new Set((await this.deps.campaigns.deliveriesOf(campaign.id)).map((d) => d.customerId));
    const { members } = await audienceMembers(this.deps, campaign.audience);
    const batch = members.filter((c) => !handled.has(c.id)).slice(0, this.deps.settings.batchSize);
    // Re-read before writing: staff may have paused it while the audience was read.
    const current = await this.deps.campaigns.get(campaign.id);
    if (!current || (current.status !== 'scheduled' && current.status !== 'running')) return;
    const status = batch.length === 0 ? 'completed' : 'running';
    if (status !== current.status) await this.deps.campaigns.put({ ...current, status, updatedAt: now.toISOString() });
    for (const member of batch) {
      const outcome = await this.deliver(campaign, member.id, now);
      report[outcome === 'sent' || outcome === 'queued' || outcome === 'held' ? outcome : 'skipped'] += 1;
    }
  }

  private async deliver(campaign: Campaign, customerId: string, now: Date): Promise<CampaignDelivery['outcome'] | 'held'> {
    const record = (outcome: CampaignDelivery['outcome'], reason: string | null, conversationId: string | null = null) =>
      this.deps.campaigns.putDelivery({ campaignId: campaign.id, customerId, outcome, reason, conversationId, at: now.toISOString() })
        .then(() => outcome);
    // The customer record as it is now, not as it was when the audience was read.
    const skip = await this.skipReason(await this.deps.customers.get(customerId), campaign, now);
    if (skip) return record('skipped', skip);
    const reference = (await this.deps.references.forCustomer(customerId)).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
    // Nothing recorded: the customer is still unhandled, so a later batch tries again once the handoff is closed.
    if (reference && await this.deps.handoffInProgress?.(reference.conversationId)) return 'held';
    if (reference && this.deps.sender) {
      try {
        const text = composeMessage(campaign.message, await this.deps.picks(customerId, campaign.strategy, reference.conversationId));
        await this.deps.sender.send(reference, text);
        await record('sent', null, reference.conversationId);
        await this.auditSend(campaign, customerId, 'proactive', reference.channelId, now);
        return 'sent';
      } catch (error) {
        // The connector failed: the chat page at the next visit is still a way to reach them.
        this.deps.log.warn('campaign message not delivered proactively; queued for the next visit', { campaignId: campaign.id, error: error as Error });
      }
    }
    return record('queued', null);
  }

  private async skipReason(customer: Customer | undefined, campaign: Campaign, now: Date): Promise<string | null> {
    if (!customer || customer.erasedAt) return 'erased';
    if (!customer.consent.marketing) return 'no_consent';
    if (!withinFrequencyCap(await this.deps.campaigns.deliveriesFor(customer.id), campaign.frequencyCap, now)) return 'frequency_cap';
    return null;
  }

  /**
   * The chat page at a verified customer's visit: the oldest queued message still wanted (campaign not paused,
   * consent and cap checked again now), marked shown in this conversation. At most one per visit.
   */
  async nextVisitMessage(customerId: string, conversationId: string): Promise<string | null> {
    const now = this.deps.now();
    const queued = (await this.deps.campaigns.deliveriesFor(customerId)).filter((d) => d.outcome === 'queued');
    for (const delivery of queued) {
      const campaign = await this.deps.campaigns.get(delivery.campaignId);
      if (!campaign || campaign.status === 'paused' || campaign.status === 'draft') continue;
      const stale = now.getTime() - Date.parse(delivery.at) > this.deps.settings.queuedDays * DAY_MS;
      const skip = stale ? 'expired' : await this.skipReason(await this.deps.customers.get(customerId), campaign, now);
      if (skip) {
        await this.deps.campaigns.putDelivery({ ...delivery, outcome: 'skipped', reason: skip, at: now.toISOString() });
        continue;
      }
      const text = composeMessage(campaign.message, await this.deps.picks(customerId, campaign.strategy, conversationId));
      await this.deps.campaigns.putDelivery({ ...delivery, outcome: 'shown', reason: null, conversationId, at: now.toISOString() });
      await this.auditSend(campaign, customerId, 'next_visit', 'chat', now);
      return text;
    }
    return null;
  }

  /**
   * "stop" in a conversation a campaign message went to: that message's customer is opted out of marketing at
   * once (PrivacyService, audited as a consent change) and their queued messages are dropped. Null when no
   * campaign message went to this conversation.
   */
  async stopFrom(conversationId: string): Promise<{ customerId: string } | null> {
    const last = await this.deps.campaigns.lastDeliveredIn(conversationId);
    if (!last) return null;
    const customer = await this.deps.customers.get(last.customerId);
    if (!customer || customer.erasedAt) return null;
    if (customer.consent.marketing) await this.deps.privacy.setConsent(customer.id, 'marketing', false);
    const now = this.deps.now().toISOString();
    for (const d of await this.deps.campaigns.deliveriesFor(customer.id)) {
      if (d.outcome === 'queued') await this.deps.campaigns.putDelivery({ ...d, outcome: 'skipped', reason: 'opted_out', at: now });
    }
    return { customerId: customer.id };
  }

  private auditSend(campaign: Campaign, customerId: string, via: 'proactive' | 'next_visit', channelId: string, now: Date): Promise<void> {
    return this.deps.audit.add({
      id: randomUUID(), at: now.toISOString(), action: 'campaign_send', subject: customerId, actor: `campaign:${campaign.id}`,
      details: { campaignId: campaign.id, via, channelId },
    });
  }
}
