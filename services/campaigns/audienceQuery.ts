/** Reads an audience's members from the stored segment assignments and customer records. */
import type { Audience } from '../../data/campaignPorts';
import type { CustomerRepository, SegmentRepository } from '../../data/ports';
import type { Customer } from '../../domain/model';
import { inAudience } from './audience';

export interface AudienceSources {
  customers: Pick<CustomerRepository, 'list'>;
  segments: Pick<SegmentRepository, 'list'>;
}

export interface AudienceMembers {
  /** Active (not erased) customers in the audience, by id. */
  members: Customer[];
  /** Of those, the ones whose marketing consent holds now. */
  consenting: Customer[];
}

export async function audienceMembers(sources: AudienceSources, audience: Audience): Promise<AudienceMembers> {
  const [assignments, customers] = await Promise.all([sources.segments.list(), sources.customers.list()]);
  const byId = new Map(customers.filter((c) => !c.erasedAt).map((c) => [c.id, c]));
  const members = assignments
    .filter((a) => inAudience(a, audience))
    .map((a) => byId.get(a.customerId))
    .filter((c): c is Customer => c !== undefined)
    .sort((a, b) => a.id.localeCompare(b.id));
  return { members, consenting: members.filter((c) => c.consent.marketing) };
}
