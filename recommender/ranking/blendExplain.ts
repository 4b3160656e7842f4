/** What the index learnt from the shop's recent weeks, in a retailer's words (`npm run eval -- --explain`). */
import type { LearntBlend } from './blendFit';
import { LEARNT_SIGNALS } from './blendFit';
import type { Signal } from './types';

const WORDS: Partial<Record<Signal, string>> = {
  repeat: 'items the customer bought before, by how often they bought them',
  repeat_recent: 'items the customer bought before, by how often their recent orders held them',
  repeat_shared: 'items the customer bought before that customers with similar orders also bought',
  repeat_momentum: 'items the customer bought before that are selling faster than usual right now',
  co_purchase: 'items often bought in the same order as the customer\'s purchases',
  goes_with: 'items that go well with the customer\'s purchases (a basket model over all customers)',
  same_range: 'items from the same range or design as the customer\'s purchases (rarer words in the name)',
  similar_customers: 'items bought by customers whose orders look like this customer\'s',
  new_arrival: 'products listed recently',
  trending: 'items selling well in the last few weeks',
  popular: 'all-time bestsellers',
  segment_popular: 'bestsellers among customers of the same segment',
  country_popular: 'bestsellers among customers in the same country',
};

const day = (time: number): string => new Date(time).toISOString().slice(0, 10);
const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;

export function explainBlend(blend: LearntBlend | null): string {
  if (!blend) return 'No weights were learnt (too few customers bought in the most recent weeks): the default weights serve.';
  const weights = LEARNT_SIGNALS.map((signal) => ({ signal, weight: blend.weights[signal] ?? 0 })).sort((a, b) => b.weight - a.weight);
  const total = weights.reduce((sum, w) => sum + w.weight, 0) || 1;
  const used = weights.filter((w) => w.weight / total >= 0.005);
  const unused = weights.filter((w) => w.weight / total < 0.005);
  const lines = [
    `Learnt from what ${blend.customers} customers bought between ${day(blend.windowStart)} and ${day(blend.windowEnd)}, predicted from`,
    `their orders before that${blend.bags > 1 ? ` (in ${blend.bags} groups fitted apart, their blends averaged)` : ''}; the suggestions then`,
    'use all orders. What predicted their purchases, strongest first (share of the blend):',
    ...used.map((w) => `  ${pct(w.weight / total).padStart(7)}  ${WORDS[w.signal] ?? w.signal}`),
  ];
  if (unused.length > 0) lines.push(`Did not help in this shop: ${unused.map((w) => WORDS[w.signal] ?? w.signal).join('; ')}.`);
  lines.push(
    `On those weeks the learnt blend finds NDCG@10 ${blend.learnt.all.toFixed(4)} (any item) / ${blend.learnt.new.toFixed(4)} (items new to the customer);`,
    `the built-in default weights find ${blend.defaults.all.toFixed(4)} / ${blend.defaults.new.toFixed(4)}.`,
  );
  return lines.join('\n');
}
