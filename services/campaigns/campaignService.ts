/**
 * Managing campaigns: create (refused below the minimum audience or on a protected attribute), list, audience
 * count and preview, dry run, start, pause and resume. Sending lives in campaignDelivery.ts.
 */
import { randomUUID } from 'node:crypto';
import type { Audience, Campaign, CampaignDelivery, CampaignRepository, ConversationReferenceRepository } from '../../data/campaignPorts';
import type { CustomerRepository, SegmentRepository } from '../../data/ports';
import type { Customer } from '../../domain/model';
import { protectedAttributeReason, type RuleConditions } from './audience';
import { audienceMembers } from './audienceQuery';
import type { CampaignSettings, ParsedNewCampaign } from './campaignInput';
import { withinFrequencyCap } from './pacing';

export type RefusalKind = 'not_found' | 'conflict' | 'refused';

/** A request the service will not carry out, with the reason in plain words (the API maps the kind to a status). */
export class CampaignRefusal extends Error {
  constructor(readonly kind: RefusalKind, message: string) {
    super(message);
    this.name = 'CampaignRefusal';
  }
}

export interface CampaignServiceDeps {
  campaigns: CampaignRepository;
  references: Pick<ConversationReferenceRepository, 'forCustomer'>;
  customers: Pick<CustomerRepository, 'list'>;
  segments: Pick<SegmentRepository, 'list'>;
  /** The shipped rule segments' conditions, by id (fairness guard). */
  ruleConditions: RuleConditions;
  settings: CampaignSettings;
  now: () => Date;
  /** What the console offers to choose from (clusters are read from the assignments). */
  choices?: { rfmLabels: readonly string[]; ruleSegments: readonly string[]; personas: readonly { id: string; name: string }[] };
}

export interface AudienceChoices {
  rfmLabels: string[];
  ruleSegments: string[];
  personas: { id: string; name: string }[];
  clusters: number[];
}

export interface AudiencePreview {
  members: number;
  consenting: number;
  minimum: number;
  /** Why a campaign with this audience would be refused, or null. */
  refusal: string | null;
  sample: Customer[];
}

export type PlannedOutcome = 'proactive' | 'next_visit' | 'skipped';
export interface DryRunEntry { customer: Customer; outcome: PlannedOutcome; reason: string | null }

export interface CampaignSummary {
  campaign: Campaign;
  counts: Record<CampaignDelivery['outcome'], number>;
}

const PREVIEW_SIZE = 10;
const TRANSITIONS: Record<'start' | 'pause' | 'resume', { from: readonly Campaign['status'][]; to: Campaign['status'] }> = {
  start: { from: ['draft'], to: 'running' },
  pause: { from: ['scheduled', 'running'], to: 'paused' },
  resume: { from: ['paused'], to: 'running' },
};

export class CampaignService {
  constructor(private readonly deps: CampaignServiceDeps) {}

  /** The fairness guard on the audience as sent (before validation): null when it may be used. */
  protectedReason(rawAudience: unknown): string | null {
    return protectedAttributeReason(rawAudience, this.deps.ruleConditions);
  }

  async choices(): Promise<AudienceChoices> {
    const clusters = new Set<number>();
    for (const a of await this.deps.segments.list()) if (a.cluster !== undefined) clusters.add(a.cluster);
    const given = this.deps.choices;
    return {
      rfmLabels: [...(given?.rfmLabels ?? [])], ruleSegments: [...(given?.ruleSegments ?? [])], personas: [...(given?.personas ?? [])],
      clusters: [...clusters].sort((a, b) => a - b),
    };
  }

  async preview(audience: Audience): Promise<AudiencePreview> {
    const { members, consenting } = await audienceMembers(this.deps, audience);
    const minimum = this.deps.settings.minAudience;
    const refusal = members.length < minimum
      ? `the audience has ${members.length} customer${members.length === 1 ? '' : 's'}; campaigns need at least ${minimum}`
      : null;
    return { members: members.length, consenting: consenting.length, minimum, refusal, sample: consenting.slice(0, PREVIEW_SIZE) };
  }

  async create(input: ParsedNewCampaign, rawAudience: unknown, staffId: string): Promise<Campaign> {
    const unfair = this.protectedReason(rawAudience);
    if (unfair) throw new CampaignRefusal('refused', unfair);
    const preview = await this.preview(input.audience);
    if (preview.refusal) throw new CampaignRefusal('refused', preview.refusal);
    const { settings } = this.deps;
    const now = this.deps.now().toISOString();
    const quiet = input.quietHours === undefined ? settings.quietHours : input.quietHours;
    const campaign: Campaign = {
      id: randomUUID(), name: input.name, audience: input.audience, message: input.message, strategy: input.strategy,
      startAt: input.startAt ? new Date(input.startAt).toISOString() : now,
      frequencyCap: input.frequencyCap ?? { maxMessages: settings.maxMessages, perDays: settings.perDays },
      quietHours: quiet ? { ...quiet, timeZone: settings.timeZone } : null,
      // Not sent until started: a campaign is created to be checked (preview, dry run) first.
      status: 'draft', createdBy: staffId, createdAt: now, updatedAt: now,
    };
    await this.deps.campaigns.put(campaign);
    return campaign;
  }

  async list(): Promise<CampaignSummary[]> {
    const campaigns = await this.deps.campaigns.list();
    return Promise.all(campaigns.map((c) => this.summary(c)));
  }

  async get(id: string): Promise<CampaignSummary> {
    return this.summary(await this.require(id));
  }

  /** Who would be reached now and how, and who not and why. Nothing is sent or recorded. */
  async dryRun(id: string): Promise<DryRunEntry[]> {
    const campaign = await this.require(id);
    const { members } = await audienceMembers(this.deps, campaign.audience);
    const done = new Set((await this.deps.campaigns.deliveriesOf(id)).map((d) => d.customerId));
    const now = this.deps.now();
    const plan: DryRunEntry[] = [];
    for (const customer of members) {
      if (done.has(customer.id)) continue;
      if (!customer.consent.marketing) {
        plan.push({ customer, outcome: 'skipped', reason: 'no_consent' });
      } else if (!withinFrequencyCap(await this.deps.campaigns.deliveriesFor(customer.id), campaign.frequencyCap, now)) {
        plan.push({ customer, outcome: 'skipped', reason: 'frequency_cap' });
      } else {
        const reachable = (await this.deps.references.forCustomer(customer.id)).length > 0;
        plan.push({ customer, outcome: reachable ? 'proactive' : 'next_visit', reason: null });
      }
    }
    return plan;
  }

  /** start (a draft: now, or scheduled for its start time), pause, resume. */
  async change(id: string, action: 'start' | 'pause' | 'resume'): Promise<Campaign> {
    const campaign = await this.require(id);
    const now = this.deps.now().toISOString();
    const rule = TRANSITIONS[action];
    if (!rule.from.includes(campaign.status)) {
      throw new CampaignRefusal('conflict', `the campaign is ${campaign.status}; it cannot be ${action === 'start' ? 'started' : `${action}d`}`);
    }
    const to: Campaign['status'] = rule.to === 'running' && Date.parse(campaign.startAt) > Date.parse(now) ? 'scheduled' : rule.to;
    const changed: Campaign = { ...campaign, status: to, updatedAt: now };
    await this.deps.campaigns.put(changed);
    return changed;
  }

  private async require(id: string): Promise<Campaign> {
    const campaign = await this.deps.campaigns.get(id);
    if (!campaign) throw new CampaignRefusal('not_found', 'No campaign with this id.');
    return campaign;
  }

  private async summary(campaign: Campaign): Promise<CampaignSummary> {
    const counts: CampaignSummary['counts'] = { sent: 0, queued: 0, shown: 0, skipped: 0 };
    for (const d of await this.deps.campaigns.deliveriesOf(campaign.id)) counts[d.outcome] += 1;
    return { campaign, counts };
  }
}
