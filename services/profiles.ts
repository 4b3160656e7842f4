/** Builds what a conversation knows about an identified customer from the stored records. */
import type { Customer, Persona, SegmentAssignment, SegmentSnapshot } from '../domain/model';
import type { CustomerProfile } from './ports';

export type PersonaLookup = (assignment: SegmentAssignment | undefined) => Persona;

export function snapshotOf(assignment: SegmentAssignment | undefined, persona: Persona): SegmentSnapshot {
  return {
    primary: assignment?.primary ?? 'no_history',
    rfmLabel: assignment?.rfm.label ?? 'no_history',
    persona: persona.id,
  };
}

export function buildProfile(customer: Customer, assignment: SegmentAssignment | undefined, personaOf: PersonaLookup): CustomerProfile {
  const persona = personaOf(assignment);
  return {
    customerId: customer.id,
    displayName: customer.displayName,
    segment: snapshotOf(assignment, persona),
    persona,
    preferences: customer.preferences,
    consent: customer.consent,
    country: customer.country,
  };
}
