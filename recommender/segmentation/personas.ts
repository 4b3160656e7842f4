/**
 * Personas: how the bot talks to a segment (tone) and what it leads with (strategy). Every RFM label has
 * one; a rule segment may name its own. Dialogs and the recommender read them through `personaFor`.
 */
import { z } from 'zod';
import { PersonaSchema, type Persona, type SegmentAssignment } from '../../domain/model';
import catalog from './definitions/personas.json';
import { RFM_LABELS } from './rfm';

const PersonaCatalogSchema = z.object({
  personas: z.array(PersonaSchema).min(1),
  rfm: z.record(z.enum(RFM_LABELS), z.string()),
});

const parsed = PersonaCatalogSchema.parse(catalog);

export const PERSONAS: ReadonlyMap<string, Persona> = new Map(parsed.personas.map((p) => [p.id, p]));

for (const label of RFM_LABELS) {
  const id = parsed.rfm[label];
  if (id === undefined || !PERSONAS.has(id)) throw new Error(`personas.json: RFM label "${label}" needs a known persona, got "${id}"`);
}

/** The persona id of an RFM label. */
export function personaIdForRfm(label: string): string {
  const known = (RFM_LABELS as readonly string[]).includes(label) ? parsed.rfm[label as (typeof RFM_LABELS)[number]] : undefined;
  return known ?? parsed.rfm.no_history;
}

/** The persona of an assignment (falls back to the RFM label's persona when its persona id is unknown). */
export function personaFor(assignment: Pick<SegmentAssignment, 'persona' | 'rfm'>): Persona {
  const persona = PERSONAS.get(assignment.persona) ?? PERSONAS.get(personaIdForRfm(assignment.rfm.label));
  if (!persona) throw new Error(`no persona for "${assignment.persona}"`);
  return persona;
}

/** The persona for a visitor we know nothing about. */
export function guestPersona(): Persona {
  return personaFor({ persona: parsed.rfm.no_history, rfm: { label: 'no_history', recencyDays: 0, frequency: 0, monetary: 0, r: 0, f: 0, m: 0 } });
}
