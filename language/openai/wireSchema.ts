/**
 * The answer format asked of the model. OpenAI strict structured outputs need every property required and
 * no extra keys, so optional fields travel as null; toRecognitionResult() turns nulls back into absent
 * fields and validates against our contract. The JSON schema is derived from this zod schema, so neither
 * can drift, and nothing in an utterance can change it.
 */
import { z } from 'zod';
import { CATEGORY_IDS } from '../../domain/categories';
import { EntitiesSchema, INTENTS, RecognitionResultSchema, type RecognitionResult } from '../types';

const shape = EntitiesSchema.shape;

export const WireAnswerSchema = z.object({
  intent: z.enum(INTENTS),
  score: z.number(),
  entities: z.object({
    categories: z.array(z.enum(CATEGORY_IDS)),
    keywords: z.array(z.string()),
    budget: z.object({ min: z.number().nullable(), max: z.number().nullable(), currency: z.string().nullable() }).nullable(),
    occasion: shape.occasion.unwrap().nullable(),
    recipient: z.string().nullable(),
    email: z.string().nullable(),
    postcode: z.string().nullable(),
    orderNumber: z.string().nullable(),
    rating: z.number().nullable(),
    refinement: shape.refinement.unwrap().nullable(),
    consentTopic: shape.consentTopic.unwrap().nullable(),
  }),
});
export type WireAnswer = z.infer<typeof WireAnswerSchema>;

/** A zod object schema as JSON schema for `response_format: { type: 'json_schema', strict: true }`. */
export function toStrictJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema);
  return jsonSchema;
}

export function answerJsonSchema(): Record<string, unknown> {
  return toStrictJsonSchema(WireAnswerSchema);
}

const orUndefined = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

/** Validates the model's answer (already JSON-parsed) and maps it onto our contract; throws a ZodError if invalid. */
export function toRecognitionResult(json: unknown): RecognitionResult {
  const wire = WireAnswerSchema.parse(json);
  const { budget, ...rest } = wire.entities;
  const entities = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, orUndefined(value)]));
  const bounds = budget && { min: orUndefined(budget.min), max: orUndefined(budget.max), currency: orUndefined(budget.currency) };
  const hasBudget = bounds !== null && (bounds.min !== undefined || bounds.max !== undefined);
  return RecognitionResultSchema.parse({ intent: wire.intent, score: wire.score, entities: { ...entities, budget: hasBudget ? bounds : undefined } });
}

/** The wire form of one of our results, for few-shot examples. */
export function toWireAnswer(result: RecognitionResult): WireAnswer {
  const e = result.entities;
  const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);
  return {
    intent: result.intent,
    score: result.score,
    entities: {
      categories: e.categories, keywords: e.keywords,
      budget: e.budget ? { min: orNull(e.budget.min), max: orNull(e.budget.max), currency: orNull(e.budget.currency) } : null,
      occasion: orNull(e.occasion), recipient: orNull(e.recipient), email: orNull(e.email), postcode: orNull(e.postcode),
      orderNumber: orNull(e.orderNumber), rating: orNull(e.rating), refinement: orNull(e.refinement), consentTopic: orNull(e.consentTopic),
    },
  };
}
