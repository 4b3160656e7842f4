/**
 * The rule-segment definition file: zod-validated, strict (an unknown field is an error), every condition
 * family named after the segmentation base it belongs to. Within `when`, all given conditions must hold;
 * list conditions match when any listed value matches.
 */
import { z } from 'zod';
import { CATEGORY_IDS } from '../../domain/categories';
import { RFM_LABELS } from './rfm';

export const REGIONS = ['uk', 'europe', 'rest_of_world'] as const;
export type Region = (typeof REGIONS)[number];

const range = (bound: z.ZodNumber) =>
  z
    .strictObject({ min: bound.optional(), max: bound.optional() })
    .refine((r) => r.min !== undefined || r.max !== undefined, 'give min, max or both')
    .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, 'min must not exceed max');

const score = range(z.number().int().min(1).max(5));
const nonNegative = range(z.number().nonnegative());
const words = z.array(z.string().trim().min(1)).min(1);

export const ConditionSchema = z.strictObject({
  /** Geographic. */
  country: words.optional(),
  region: z.array(z.enum(REGIONS)).min(1).optional(),
  /** Demographic, only where the customer told us. */
  ageBand: words.optional(),
  /** Psychographic: stated values (e.g. "eco-friendly") and interests (stated preferred categories). */
  values: words.optional(),
  interests: z.array(z.enum(CATEGORY_IDS as [string, ...string[]])).min(1).optional(),
  /** Behavioural. */
  rfm: z
    .strictObject({ r: score.optional(), f: score.optional(), m: score.optional(), labels: z.array(z.enum(RFM_LABELS)).min(1).optional() })
    .optional(),
  categoryAffinity: z
    .strictObject({ category: z.enum(CATEGORY_IDS as [string, ...string[]]), minShare: z.number().gt(0).max(1) })
    .optional(),
  orderCount: nonNegative.optional(),
  averageBasket: nonNegative.optional(),
  daysSinceLastOrder: nonNegative.optional(),
  /** Benefit sought: stated price band, else the customer's average unit price against everyone's. */
  priceSensitivity: z.enum(['value', 'premium']).optional(),
  /** Firmographic: the business flag we hold, and wholesale-sized orders. */
  business: z.boolean().optional(),
  unitsPerOrder: nonNegative.optional(),
});
export type Condition = z.infer<typeof ConditionSchema>;

export const SegmentDefinitionSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'use lower_snake_case'),
  description: z.string().min(1),
  /** Higher wins when a customer is in several segments. */
  priority: z.number().int(),
  /** Persona id for customers whose primary segment this is (defaults to the RFM label's persona). */
  persona: z.string().min(1).optional(),
  when: ConditionSchema.refine((c) => Object.keys(c).length > 0, 'give at least one condition'),
});
export type SegmentDefinition = z.infer<typeof SegmentDefinitionSchema>;

export const MAX_RULE_SEGMENTS = 32;

export const SegmentDefinitionsFileSchema = z.strictObject({
  segments: z.array(SegmentDefinitionSchema).max(MAX_RULE_SEGMENTS),
});
