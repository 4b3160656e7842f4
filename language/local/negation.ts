/**
 * Negated actions: "I don't want to unsubscribe", "don't delete my account, just send me a copy". The action's
 * words are there, so the model reads the action; the negation says otherwise. A consent or data change the
 * text negates is never acted on with confidence: the intent of the contrary direction takes its place when the
 * text states one ("send me a copy"), otherwise its score is capped under the dialogs' confirmation threshold
 * (so the shopper is asked) and any likelier intent moves above it.
 */
import type { Intent } from '../types';
import { statedDirections, type RankedIntent } from './direction';

const NOT = String.raw`\b(?:don'?t|do not|dont|never|not|no need to|won'?t|wouldn'?t)\s+(?:(?:want|wish|need|like|mean|plan|have)\s+(?:you\s+)?to\s+)?`;

interface NegationRule {
  negated: RegExp;
  intents: readonly Intent[];
  /** Direction (from direction.ts) that, stated as well, names what the shopper wants instead. */
  contrary: 'on' | 'off' | 'export';
  replacements: readonly Intent[];
}

const RULES: readonly NegationRule[] = [
  { negated: new RegExp(`${NOT}(?:un-?subscrib\\w*|opt(?:ing)?\\s*(?:me\\s+)?out)`, 'i'), intents: ['opt_out_marketing', 'opt_out_personalization'], contrary: 'on', replacements: ['opt_in'] },
  { negated: new RegExp(`${NOT}(?:subscrib\\w*|sign(?:ed|ing)?\\s+(?:me\\s+)?up|opt(?:ing)?\\s*(?:me\\s+)?in\\b)`, 'i'), intents: ['opt_in'], contrary: 'off', replacements: ['opt_out_marketing', 'opt_out_personalization'] },
  { negated: new RegExp(`${NOT}(?:delet\\w*|eras\\w*|clos\\w*|remov\\w*|wip\\w*|terminat\\w*|cancel\\w*)\\s+(?:(?:my|the|your|this)\\s+)?(?:account|profile|data|details|membership)`, 'i'), intents: ['delete_my_data'], contrary: 'export', replacements: ['export_my_data'] },
];

/** Highest score a negated action keeps: below the dialogs' 0.8 "act without asking" threshold. */
export const NEGATED_SCORE_CAP = 0.5;

export function demoteNegatedActions(text: string, ranked: readonly RankedIntent[]): RankedIntent[] {
  const [best] = ranked;
  const rule = best ? RULES.find((r) => r.intents.includes(best.intent) && r.negated.test(text)) : undefined;
  if (!best || !rule) return [...ranked];
  const withoutBest = ranked.slice(1);
  const replacement = statedDirections(text.replace(rule.negated, ' ')).has(rule.contrary)
    ? withoutBest.find((r) => rule.replacements.includes(r.intent))
    : undefined;
  if (replacement) {
    const promoted = { intent: replacement.intent, score: Math.max(best.score, replacement.score) };
    return [promoted, ...withoutBest.filter((r) => r.intent !== replacement.intent), { intent: best.intent, score: Math.min(best.score, replacement.score) }];
  }
  const capped = { intent: best.intent, score: Math.min(best.score, NEGATED_SCORE_CAP) };
  return [...withoutBest, capped].sort((a, b) => b.score - a.score);
}
