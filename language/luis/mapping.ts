/**
 * Maps a LUIS v3 prediction onto our RecognitionResult. LUIS apps name things their own way, so intent
 * names are normalised (PascalCase, "Utilities." prefixes) and aliases cover the usual prebuilt domains.
 * Entity values arrive in several shapes: ["text"] (machine-learned, prebuilt email), [["canonical"]]
 * (list entities), [20] (number), [{ number, units }] (money).
 */
import { z } from 'zod';
import { CATEGORIES, CATEGORY_IDS } from '../../domain/categories';
import { EntitiesSchema, INTENTS, type Entities, type Intent, RecognitionResultSchema, type RecognitionResult } from '../types';

/** The part of a v3 prediction we read; validated, since it comes off the wire. */
export const LuisPredictionSchema = z.object({
  topIntent: z.string(),
  intents: z.record(z.string(), z.object({ score: z.number().optional() }).loose()),
  entities: z.record(z.string(), z.unknown()).default({}),
});
export type LuisPrediction = z.infer<typeof LuisPredictionSchema>;

const INTENT_ALIASES: Readonly<Record<string, Intent>> = {
  greeting: 'greet', hello: 'greet', suggest: 'get_suggestions', recommend: 'get_suggestions',
  refine: 'refine_suggestions', why: 'explain_suggestion', explain: 'explain_suggestion', feedback: 'give_feedback',
  stop: 'cancel', escalate: 'human_agent', agent: 'human_agent', bye: 'goodbye', login: 'identify',
};

function toSnakeCase(name: string): string {
  return name.replace(/^utilities\./i, '').replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[\s.-]+/g, '_').toLowerCase();
}

export function mapLuisIntent(name: string): Intent {
  const snake = toSnakeCase(name);
  const known = INTENTS.find((intent) => intent === snake);
  return known ?? INTENT_ALIASES[snake] ?? 'none';
}

/** First string in a LUIS entity value: "x", ["x"] or [["x"]]. */
function firstText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return Array.isArray(value) && value.length > 0 ? firstText(value[0]) : undefined;
}

function allTexts(value: unknown): string[] {
  return Array.isArray(value) ? value.map(firstText).filter((t): t is string => t !== undefined) : [];
}

const MoneySchema = z.array(z.object({ number: z.number(), units: z.string().optional() }).loose()).min(1);
const CURRENCY_BY_UNIT: Readonly<Record<string, string>> = { pound: 'GBP', 'british pound': 'GBP', dollar: 'USD', 'united states dollar': 'USD', euro: 'EUR' };

function categoryId(text: string): string | undefined {
  const lower = text.toLowerCase();
  if (CATEGORY_IDS.includes(lower)) return lower;
  return CATEGORIES.find((c) => c.synonyms.includes(lower) || c.label.toLowerCase() === lower)?.id;
}

function entityLookup(entities: Record<string, unknown>): (...names: string[]) => unknown {
  const byLowerName = new Map(Object.entries(entities).map(([name, value]) => [name.toLowerCase(), value]));
  return (...names) => names.map((n) => byLowerName.get(n.toLowerCase())).find((v) => v !== undefined);
}

function mapEntities(entities: Record<string, unknown>, intent: Intent): Entities {
  const get = entityLookup(entities);
  const money = MoneySchema.safeParse(get('money', 'budget'));
  const rating = Number(firstText(get('rating') ?? (intent === 'give_feedback' ? get('number') : undefined)));
  const candidate = {
    categories: [...new Set(allTexts(get('category', 'categories')).map(categoryId).filter((id): id is string => id !== undefined))],
    keywords: allTexts(get('product', 'keyword', 'keywords')).map((k) => k.toLowerCase()),
    budget: money.success
      ? { max: money.data[0].number, currency: CURRENCY_BY_UNIT[(money.data[0].units ?? '').toLowerCase()] }
      : undefined,
    occasion: firstText(get('occasion'))?.toLowerCase(),
    recipient: firstText(get('recipient'))?.toLowerCase(),
    email: firstText(get('email')),
    postcode: firstText(get('postcode', 'postalcode', 'zip')),
    orderNumber: firstText(get('orderNumber', 'order')),
    rating: Number.isFinite(rating) ? rating : undefined,
    refinement: firstText(get('refinement')),
    consentTopic: firstText(get('consentTopic', 'consent')),
  };
  // Values outside our enums (an app's own list entries) are dropped field by field rather than failing the answer.
  const values: Record<string, unknown> = candidate;
  const valid = Object.entries(EntitiesSchema.shape)
    .filter(([key, field]) => values[key] !== undefined && field.safeParse(values[key]).success)
    .map(([key]) => [key, values[key]]);
  return EntitiesSchema.parse(Object.fromEntries(valid));
}

export function mapLuisPrediction(prediction: LuisPrediction): RecognitionResult {
  const intent = mapLuisIntent(prediction.topIntent);
  const score = prediction.intents[prediction.topIntent]?.score ?? 0;
  return RecognitionResultSchema.parse({ intent, score, entities: mapEntities(prediction.entities, intent) });
}
