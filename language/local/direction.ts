/**
 * Direction of a consent or data request, read from explicit words: "unsubscribe" and "subscribe" share
 * most of their character n-grams, and "delete my data" and "download my data" most of their words, so the
 * statistical model alone can pick the opposite of what was asked. When the words say one direction only,
 * the opposite intent is replaced by the best-ranked intent of the stated direction.
 */
import type { Intent } from '../types';

const CONSENT_OFF = /\b(no|not|never|without|fewer|less|reduce|un-?sub\w*|opt(ing)?[- ]?(me )?out|stop\w*|no (more|longer)|don'?t (want|send|email|contact)|do not (want|send)|take me off|remove me from|turn(ing)? off|switch(ing)? off|disabl\w*|withdraw\w*|cancel\w*|end my)\b/i;
const CONSENT_ON = /\b((?<!un-?)(re-?)?subscrib\w*|sign(ing)? (me )?up|opt(ing)?[- ]?(me )?in(to)?|turn(ing)? (\w+ )?(back )?on|switch(ing)? (\w+ )?(back )?on|enabl\w*|start\w*|resum\w*|again|back on|i'?d (like|love)|i want|give me|keep (me )?(on|sending|emailing|getting|receiving|subscribed)|keep (the |your )?\w+ coming)\b/i;
const ERASE = /\b(delet\w*|delte|eras\w*|remov\w*|wip\w*|forget|forgotten|clos\w*|clsoe|terminat\w*|deactivat\w*|destroy\w*|get rid)\b/i;
const EXPORT = /\b(export\w*|download\w*|copy|copies|send me|access|obtain|retriev\w*|portab\w*|see|show|what (data|information|info))\b/i;

export interface RankedIntent {
  intent: Intent;
  score: number;
}

type Direction = 'off' | 'on' | 'erase' | 'export';

const OPPOSITE: Partial<Record<Intent, { stated: Direction; contrary: Direction; replacements: readonly Intent[] }>> = {
  opt_in: { stated: 'off', contrary: 'on', replacements: ['opt_out_marketing', 'opt_out_personalization'] },
  opt_out_marketing: { stated: 'on', contrary: 'off', replacements: ['opt_in'] },
  opt_out_personalization: { stated: 'on', contrary: 'off', replacements: ['opt_in'] },
  export_my_data: { stated: 'erase', contrary: 'export', replacements: ['delete_my_data'] },
  delete_my_data: { stated: 'export', contrary: 'erase', replacements: ['export_my_data'] },
};

const PATTERNS: Record<Direction, RegExp> = { off: CONSENT_OFF, on: CONSENT_ON, erase: ERASE, export: EXPORT };

/** The directions the words state ("unsubscribe" → off); "subscribe" inside "unsubscribe" does not count as on. */
export function statedDirections(text: string): Set<Direction> {
  const found = new Set<Direction>();
  for (const [direction, pattern] of Object.entries(PATTERNS) as [Direction, RegExp][]) if (pattern.test(text)) found.add(direction);
  return found;
}

/**
 * Re-ranks so that the top intent never contradicts an unambiguous direction in the text: the best
 * intent of the stated direction moves to the top (and takes the contradicted intent's score).
 */
export function enforceDirection(text: string, ranked: readonly RankedIntent[]): RankedIntent[] {
  const [best] = ranked;
  const rule = best ? OPPOSITE[best.intent] : undefined;
  if (!best || !rule) return [...ranked];
  const directions = statedDirections(text);
  if (!directions.has(rule.stated) || directions.has(rule.contrary)) return [...ranked];
  const replacement = ranked.find((r) => rule.replacements.includes(r.intent));
  if (!replacement) return [...ranked];
  const promoted = { intent: replacement.intent, score: Math.max(best.score, replacement.score) };
  return [promoted, ...ranked.filter((r) => r.intent !== replacement.intent)];
}
