/**
 * Golden check for recommender speed work: records the ranked lists (ids, scores, reasons) of a few hundred varied
 * requests on the synthetic shop and the real file, and compares a later run with them, so an optimisation can be
 * shown not to change a single suggestion.
 *   npx tsx bench/recommenderGolden.ts --write golden.json [--large] [--orders data.csv.gz]
 *   npx tsx bench/recommenderGolden.ts --check golden.json [--large] [--orders data.csv.gz]
 * --large adds the 10k products / 1M lines shop of the benchmark (slow). Items, order and reasons must match exactly;
 * scores may differ by a relative 1e-9 (summation order), which is reported.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadRetailTransactions } from '../data/import/onlineRetailCsv';
import { buildCatalog } from '../data/import/buildCatalog';
import { CATEGORY_IDS } from '../domain/categories';
import type { SuggestionRequest } from '../domain/suggestions';
import { toCatalogAndOrders } from '../recommender/eval/recommenderMethod';
import { rfmLabels } from '../recommender/eval/rfm';
import { trainStats } from '../recommender/eval/trainStats';
import { RecommenderIndex, type CustomerGroups } from '../recommender/ranking/recommenderIndex';
import { explain, recommend } from '../recommender/ranking/recommend';
import { scoreItems } from '../recommender/ranking/scoring';
import type { PersonaStrategy, RecommendationContext } from '../recommender/ranking/types';
import { syntheticOrders, syntheticProducts, type ShopSize } from './syntheticShop';

type Outcome = { items: [string, number, string, string][] } | { reason: [string, string] | null } | { ranked: [string, number][] } | { error: string };
interface Golden { [dataset: string]: { weights: unknown; requests: { name: string; outcome: Outcome }[] } }

const STRATEGIES: (PersonaStrategy | undefined)[] = [undefined, 'reward_loyalty', 'win_back', 'upsell_premium', 'value', 'nurture', 'welcome_bestsellers'];
const SEGMENTS = ['champions', 'loyal_customers', 'new_customers', 'at_risk', undefined];

function run(index: RecommenderIndex, customers: readonly string[], groups: (id: string) => CustomerGroups | undefined, categories: readonly string[], count: number) {
  const ids = Array.from({ length: index.catalog.size }, (_, item) => index.catalog.idOf(item)).filter((id) => index.catalog.product(index.catalog.indexOf(id) ?? -1));
  const pickId = (i: number): string => ids[(i * 7919 + 13) % ids.length];
  const pickCustomer = (i: number): string => customers[(i * 104729 + 7) % customers.length];
  const out: { name: string; outcome: Outcome }[] = [];
  const record = (name: string, make: () => Outcome): void => {
    try {
      out.push({ name, outcome: make() });
    } catch (error) {
      out.push({ name, outcome: { error: String(error) } });
    }
  };
  const listOf = (context: RecommendationContext, request: SuggestionRequest): Outcome => ({
    items: recommend(index, context, request).items.map((s) => [s.product.id, s.score, s.reason.kind, s.reason.text]),
  });
  for (let i = 0; i < count; i++) {
    const customerId = pickCustomer(i);
    const g = groups(customerId);
    const strategy = STRATEGIES[i % STRATEGIES.length];
    const personal: RecommendationContext = {
      customerId, personalized: true, strategy, dismissed: i % 3 === 0 ? [pickId(i + 1)] : [],
      segmentLabel: i % 4 === 0 ? SEGMENTS[i % SEGMENTS.length] : g?.segmentLabel, country: g?.country,
      ...(i % 5 === 1 ? { preferences: { categories: [categories[i % categories.length]], values: ['eco-friendly'], priceBand: (['budget', 'mid', 'premium'] as const)[i % 3] } } : {}),
    };
    const limit = [5, 10, 3][i % 3];
    record(`personal ${i} ${customerId}`, () => listOf(personal, { customerId, limit }));
    const category = categories[(i * 3) % categories.length];
    const guest: RecommendationContext = { customerId: null, personalized: false, dismissed: [] };
    record(`guest category ${i}`, () => listOf(guest, { customerId: null, categories: [category], budget: { max: 5 + (i % 20) }, limit: 5 }));
    if (i % 2 === 0) record(`guest keywords ${i}`, () => listOf(guest, { customerId: null, keywords: [['heart', 'christmas', 'bag', 'red', 'vintage', 'star'][i % 6]], limit: 6 }));
    record(`similar ${i}`, () => listOf({ ...personal, dismissed: [pickId(i + 2), pickId(i + 3)] }, { customerId, similarTo: pickId(i), limit: 5 }));
    if (i % 2 === 1) record(`guest similar ${i}`, () => listOf(guest, { customerId: null, similarTo: pickId(i * 5), budget: { min: 1 }, limit: 4 }));
    record(`gift ${i}`, () => listOf(i % 2 ? personal : guest, { customerId: i % 2 ? customerId : null, occasion: ['gift', 'present', 'christmas', 'birthday'][i % 4], budget: { max: 20 }, limit: 5 }));
    if (i % 4 === 0) record(`opted out ${i}`, () => listOf({ ...personal, personalized: false }, { customerId, exclude: [pickId(i + 4)], limit: 5 }));
    if (i % 3 === 0) record(`explain ${i}`, () => { const r = explain(index, personal, pickId(i + 5)); return { reason: r ? [r.kind, r.text] : null }; });
    if (i % 2 === 0) {
      const owned = index.history(customerId)?.items;
      record(`eval ${i}`, () => {
        const scored = scoreItems(index, { customerId, personalized: true, dismissed: [], segmentLabel: g?.segmentLabel, country: g?.country }, {
          allowed: (item) => i % 4 === 0 || !owned?.has(item), depth: 10,
        });
        return { ranked: scored.ranked.map((row) => [index.catalog.idOf(scored.board.items[row]), scored.totals[row]]) };
      });
    }
  }
  return { weights: index.learntBlend?.weights ?? null, requests: out };
}

function synthetic(size: ShopSize, count: number) {
  const customers = Array.from({ length: size.customers }, (_, c) => `C${c}`);
  const groups = new Map<string, CustomerGroups>(customers.filter((_, c) => c % 3 !== 0).map((id, c) => [id, { segmentLabel: SEGMENTS[c % 4], country: c % 5 === 0 ? 'Germany' : 'United Kingdom' }]));
  const index = RecommenderIndex.build({ products: syntheticProducts(size.products), orders: syntheticOrders(size), customers: groups });
  return run(index, customers, (id) => groups.get(id), CATEGORY_IDS, count);
}

async function real(path: string, count: number) {
  const rows = (await loadRetailTransactions(path)).rows.filter((row) => row.time < Date.UTC(2011, 8, 1));
  const stats = trainStats(rows);
  const segments = rfmLabels(rows, Date.UTC(2011, 8, 1));
  const groups = new Map<string, CustomerGroups>([...stats.userCountry].map(([id, country]) => [id, { country, segmentLabel: segments.get(id) }]));
  const index = RecommenderIndex.build({ products: buildCatalog(rows), orders: toCatalogAndOrders(rows).orders, customers: groups });
  const categories = [...new Set(index.catalog.categories())].sort();
  return run(index, [...groups.keys()].sort(), (id) => groups.get(id), categories, count);
}

function compare(expected: Golden, actual: Golden): number {
  let failures = 0;
  let maxScoreDiff = 0;
  for (const [dataset, want] of Object.entries(expected)) {
    const got = actual[dataset];
    if (!got) { console.log(`${dataset}: missing`); failures++; continue; }
    if (JSON.stringify(want.weights) !== JSON.stringify(got.weights)) { console.log(`${dataset}: learnt weights differ\n  ${JSON.stringify(want.weights)}\n  ${JSON.stringify(got.weights)}`); failures++; }
    want.requests.forEach((request, k) => {
      const other = got.requests[k];
      const strip = (o: Outcome | undefined): string => JSON.stringify(o, (_key, value: unknown) => (typeof value === 'number' ? 0 : value));
      if (!other || other.name !== request.name || strip(request.outcome) !== strip(other.outcome)) {
        if (failures++ < 20) console.log(`${dataset} / ${request.name}:\n  want ${JSON.stringify(request.outcome)}\n  got  ${JSON.stringify(other?.outcome)}`);
        return;
      }
      const a = JSON.stringify(request.outcome).match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? [];
      const b = JSON.stringify(other.outcome).match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? [];
      a.forEach((x, n) => { const d = Math.abs(Number(x) - Number(b[n])) / Math.max(1e-12, Math.abs(Number(x))); if (d > maxScoreDiff) maxScoreDiff = d; });
    });
    console.log(`${dataset}: ${want.requests.length} requests compared`);
  }
  console.log(`largest relative score difference ${maxScoreDiff.toExponential(2)}`);
  if (maxScoreDiff > 1e-9) failures++;
  return failures;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const writeTo = argv[argv.indexOf('--write') + 1];
  const checkWith = argv[argv.indexOf('--check') + 1];
  const orders = argv.includes('--orders') ? argv[argv.indexOf('--orders') + 1] : '../shared/data/online-retail/online_retail.csv.gz';
  const golden: Golden = {};
  const started = Date.now();
  golden.demo = synthetic({ products: 4000, customers: 300, orderLines: 60_000 }, 120);
  golden.medium = synthetic({ products: 6000, customers: 4000, orderLines: 200_000 }, 80);
  if (argv.includes('--large')) golden.large = synthetic({ products: 10_000, customers: 20_000, orderLines: 1_000_000 }, 60);
  golden.real = await real(orders, 150);
  process.stderr.write(`built and ran in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  if (argv.includes('--write')) {
    writeFileSync(writeTo, JSON.stringify(golden));
    console.log(`wrote ${writeTo}: ${Object.values(golden).reduce((n, d) => n + d.requests.length, 0)} requests`);
    return;
  }
  if (!argv.includes('--check')) throw new Error('--write <file> or --check <file>');
  const failures = compare(JSON.parse(readFileSync(checkWith, 'utf8')) as Golden, golden);
  console.log(failures === 0 ? 'golden check: identical' : `golden check: ${failures} difference(s)`);
  process.exitCode = failures === 0 ? 0 : 1;
}

void main();
