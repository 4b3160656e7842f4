/**
 * Experiments (A/B tests per segment) and their exposures: zod schemas as the single source of truth, as in
 * model.ts. A variant changes what the persona would otherwise decide: the suggestion strategy, the tone of the
 * messages, or when the survey is offered.
 */
import { z } from 'zod';
import { PersonaSchema, SegmentSnapshotSchema } from './model';

const isoDateTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO date-time');

/**
 * When the survey is offered: `after_suggestions` (the default: when the shopper is done, if a round of suggestions
 * was shown), `always_on_goodbye` (when the shopper is done, even without suggestions), `only_on_request` (never
 * offered unprompted; the shopper can still say "feedback").
 */
export const SurveyTimingSchema = z.enum(['after_suggestions', 'always_on_goodbye', 'only_on_request']);
export type SurveyTiming = z.infer<typeof SurveyTimingSchema>;

export const VariantChangesSchema = z.object({
  strategy: PersonaSchema.shape.strategy.optional(),
  tone: PersonaSchema.shape.tone.optional(),
  surveyTiming: SurveyTimingSchema.optional(),
}).strict();
export type VariantChanges = z.infer<typeof VariantChangesSchema>;

export const VariantSchema = z.object({
  id: z.string().regex(/^[a-z0-9_-]{1,40}$/, 'lower-case letters, digits, - and _ (at most 40)'),
  name: z.string().trim().min(1).max(80),
  /** Relative share of the customers assigned to this variant. */
  weight: z.number().positive().max(1000),
  changes: VariantChangesSchema,
});
export type Variant = z.infer<typeof VariantSchema>;

export const GuardrailMetricSchema = z.enum(['optOutRate', 'csat']);
export type GuardrailMetric = z.infer<typeof GuardrailMetricSchema>;

export const ExperimentSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  hypothesis: z.string().nullable(),
  status: z.enum(['running', 'ended']),
  variants: z.array(VariantSchema).min(2).max(6),
  /** The variant the others are compared with (guardrails). */
  controlVariantId: z.string(),
  /** Segment names (primary segment or RFM label) the experiment applies to; empty = every identified customer. */
  segments: z.array(z.string()),
  guardrails: z.array(GuardrailMetricSchema),
  createdAt: isoDateTime,
  createdBy: z.string(),
  endedAt: isoDateTime.nullable(),
  endedBy: z.string().nullable(),
  /** Set when staff ended it and rolled this variant out: its changes then apply to everyone in the segments. */
  winnerVariantId: z.string().nullable(),
});
export type Experiment = z.infer<typeof ExperimentSchema>;

/** A conversation in which an experiment's variant applied to the customer (once per experiment and conversation). */
export const ExposureSchema = z.object({
  id: z.string(),
  experimentId: z.string(),
  variantId: z.string(),
  conversationId: z.string(),
  /** null once the customer's data was erased. */
  customerId: z.string().nullable(),
  segment: SegmentSnapshotSchema.nullable(),
  at: isoDateTime,
});
export type Exposure = z.infer<typeof ExposureSchema>;
