/**
 * The one contract between language understanding and the dialogs.
 * Every back end (local, LUIS, OpenAI) returns a RecognitionResult validated by this schema.
 */
import { z } from 'zod';

export const INTENTS = [
  'greet', 'get_suggestions', 'refine_suggestions', 'explain_suggestion', 'give_feedback',
  'opt_out_marketing', 'opt_out_personalization', 'opt_in', 'export_my_data', 'delete_my_data',
  'identify', 'human_agent', 'help', 'cancel', 'goodbye', 'none',
] as const;
export const IntentSchema = z.enum(INTENTS);
export type Intent = z.infer<typeof IntentSchema>;

export const BudgetSchema = z.object({
  min: z.number().nonnegative().optional(),
  max: z.number().nonnegative().optional(),
  currency: z.string().length(3).optional(),
});
export type Budget = z.infer<typeof BudgetSchema>;

export const EntitiesSchema = z.object({
  /** Catalogue categories named in the utterance (canonical category ids). */
  categories: z.array(z.string()).default([]),
  /** Product keywords from the catalogue vocabulary, e.g. "lantern", "mug". */
  keywords: z.array(z.string()).default([]),
  /** Colours asked for ("anything in green?"): they narrow the other words, never widen them. */
  colours: z.array(z.string()).optional(),
  budget: BudgetSchema.optional(),
  /** "the cheapest", "the most expensive": matching items by price rather than our picks. */
  priceOrder: z.enum(['lowest', 'highest']).optional(),
  occasion: z.enum(['gift', 'birthday', 'christmas', 'wedding', 'anniversary', 'baby', 'easter', 'valentines']).optional(),
  recipient: z.string().optional(),
  /** The present is for a child or a baby, by a stated age or an unmistakable word ("my 10 year old nephew"). */
  audience: z.enum(['baby', 'child']).optional(),
  /** The shopper asked for a present ("gift", "present"), whatever day it is for. */
  present: z.boolean().optional(),
  email: z.string().optional(),
  postcode: z.string().optional(),
  orderNumber: z.string().optional(),
  rating: z.number().optional(),
  /** For refine_suggestions: what kind of change the shopper asked for. */
  refinement: z.enum(['cheaper', 'more_like_this', 'something_else', 'pricier']).optional(),
  /** For opt_in: which consent the shopper wants back. */
  consentTopic: z.enum(['marketing', 'personalization']).optional(),
});
export type Entities = z.infer<typeof EntitiesSchema>;

export const RecognitionResultSchema = z.object({
  intent: IntentSchema,
  score: z.number().min(0).max(1),
  entities: EntitiesSchema,
  /** The runners-up (best first), when the back end knows them: lets a dialog ask which one was meant. */
  alternatives: z.array(z.object({ intent: IntentSchema, score: z.number().min(0).max(1) })).optional(),
});
export type RecognitionResult = z.infer<typeof RecognitionResultSchema>;

export interface Recognizer {
  /** Never throws for odd text: returns intent "none" with a low score instead. */
  recognize(utterance: string, signal?: AbortSignal): Promise<RecognitionResult>;
}
