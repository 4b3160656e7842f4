/**
 * A week (or --days N) of synthetic traffic through the RUNNING bot, so the experiment and attribution pages have
 * something to show: `npm run simulate -- --days 7 [--shoppers 15] [--url http://localhost:3978] [--seed demo]`.
 *
 * Needs the bot started with ORDERS_API_KEY (orders go through POST /api/orders), STAFF_ADMIN_EMAIL and
 * STAFF_ADMIN_PASSWORD (the script signs in to the console to start an experiment when none runs and to read the
 * tables) and SIMULATION_CLOCK=true (turns are dated over the past days; without it every event is dated now and
 * orders spread over the days find no earlier suggestion). The same three variables must be set for the script.
 *
 * Shoppers are the seed's customers (data/seed), chosen each day in proportion to how often they ordered, asking
 * for their favourite category, buying in their usual quantities: consistent with their history and segment.
 */
import { parseArgs } from 'node:util';
import { seededRandom } from '../data/import/seededRandom';
import { DEFAULT_SEED_PATH, readSeedFile } from '../data/seedFile';
import { BotClient, shopperProfiles, visit } from './simulateShopper';
import { attributionTable, experimentTable, lifetimeTable, type AttributionRow, type LifetimeRow, type VariantRow } from './simulateTables';

const DAY_MS = 86_400_000;
const { values } = parseArgs({
  options: {
    days: { type: 'string', default: '7' }, shoppers: { type: 'string', default: '15' },
    url: { type: 'string', default: 'http://localhost:3978' }, seed: { type: 'string', default: 'demo' },
  },
});
const print = (line = '') => process.stdout.write(`${line}\n`);

function fail(message: string): never {
  process.stderr.write(`simulate: ${message}\n`);
  process.exit(2);
}

async function signInToConsole(url: string, email: string, password: string): Promise<(path: string, init?: RequestInit) => Promise<unknown>> {
  const res = await fetch(`${url}/api/review/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) fail(`console sign-in as ${email} failed (${res.status}): check STAFF_ADMIN_EMAIL and STAFF_ADMIN_PASSWORD`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  return async (path, init = {}) => {
    const answer = await fetch(`${url}${path}`, { ...init, headers: { cookie, 'content-type': 'application/json' } });
    if (!answer.ok) fail(`${init.method ?? 'GET'} ${path} answered ${answer.status}: ${await answer.text()}`);
    return answer.json();
  };
}

const SIMULATION_EXPERIMENT = {
  name: 'Tone and survey timing (simulation)',
  hypothesis: 'A warm win-back tone gets more cards opened than the persona tone; a terse one fewer',
  variants: [
    { id: 'control', name: 'Persona defaults', weight: 1, changes: {} },
    { id: 'warm', name: 'Warm, survey always', weight: 1, changes: { tone: 'warm', surveyTiming: 'always_on_goodbye' } },
    { id: 'terse', name: 'Concise', weight: 1, changes: { tone: 'concise' } },
  ],
};

async function main(): Promise<void> {
  const days = Number(values.days);
  const perDay = Number(values.shoppers);
  if (!Number.isInteger(days) || days < 1 || days > 60) fail('--days must be a whole number from 1 to 60');
  if (!Number.isInteger(perDay) || perDay < 1 || perDay > 500) fail('--shoppers must be a whole number from 1 to 500');
  const url = (values.url ?? '').replace(/\/$/, '');
  const apiKey = process.env.ORDERS_API_KEY;
  const admin = { email: process.env.STAFF_ADMIN_EMAIL, password: process.env.STAFF_ADMIN_PASSWORD };
  if (!apiKey) fail('ORDERS_API_KEY is not set (the same key the bot runs with)');
  if (!admin.email || !admin.password) fail('STAFF_ADMIN_EMAIL and STAFF_ADMIN_PASSWORD are not set (a console admin of the running bot)');
  await fetch(`${url}/healthz`).catch(() => fail(`no bot answers at ${url} (start it with npm start)`));
  const consoleApi = await signInToConsole(url, admin.email, admin.password);

  const data = await readSeedFile(DEFAULT_SEED_PATH);
  const shoppers = shopperProfiles(data);
  const prices = new Map(data.products.map((p) => [p.id, p.price]));
  const { items } = await consoleApi('/api/review/experiments') as { items: { id: string; name: string; status: string }[] };
  const experiment = items.find((e) => e.status === 'running')
    ?? await consoleApi('/api/review/experiments', { method: 'POST', body: JSON.stringify(SIMULATION_EXPERIMENT) }) as { id: string; name: string };
  print(`Simulating ${days} days × ${perDay} shoppers against ${url}; experiment “${experiment.name}”.`);

  const random = seededRandom(values.seed ?? 'demo');
  const runId = Date.now().toString(36);
  const bot = new BotClient(url);
  const start = Math.floor((Date.now() - days * DAY_MS) / DAY_MS) * DAY_MS;
  const totalWeight = shoppers.reduce((s, p) => s + Math.max(0.5, p.ordersPerYear), 0);
  const pickShopper = () => {
    let point = random.next() * totalWeight;
    for (const p of shoppers) if ((point -= Math.max(0.5, p.ordersPerYear)) < 0) return p;
    return shoppers[shoppers.length - 1];
  };
  const tally = { visits: 0, signedIn: 0, opened: 0, surveyed: 0, optedOut: 0, orders: 0 };
  for (let day = 0; day < days; day += 1) {
    for (let n = 0; n < perDay; n += 1) {
      const startsAt = new Date(Math.min(start + day * DAY_MS + (8 + random.next() * 13) * 3_600_000, Date.now() - 30 * 60_000));
      const outcome = await visit(bot, pickShopper(), startsAt, random, prices, runId);
      tally.visits += 1;
      if (outcome.signedIn) tally.signedIn += 1;
      if (outcome.opened) tally.opened += 1;
      if (outcome.surveyed) tally.surveyed += 1;
      if (outcome.optedOut) tally.optedOut += 1;
      if (outcome.order) {
        const res = await fetch(`${url}/api/orders`, {
          method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ ...outcome.order, customerId: outcome.customerId }),
        });
        if (res.status === 201) tally.orders += 1;
        else process.stderr.write(`order ${outcome.order.id}: ${res.status} ${await res.text()}\n`);
      }
    }
    print(`day ${day + 1}/${days}: ${tally.visits} visits, ${tally.orders} orders so far`);
  }
  print(`\n${tally.visits} visits (${tally.signedIn} signed in), ${tally.opened} opened a card, ${tally.surveyed} answered the survey, `
    + `${tally.optedOut} opted out of marketing, ${tally.orders} orders.\n`);
  await printTables(consoleApi, experiment.id, new Date(start).toISOString().slice(0, 10));
}

async function printTables(consoleApi: (path: string) => Promise<unknown>, experimentId: string, from: string): Promise<void> {
  const detail = await consoleApi(`/api/review/experiments/${experimentId}`) as { segments: { segment: string; variants: VariantRow[] }[] };
  const exposures = (s: { variants: VariantRow[] }) => s.variants.reduce((n, v) => n + v.exposures, 0);
  const shown = [...detail.segments.filter((s) => s.segment !== 'all').sort((a, b) => exposures(b) - exposures(a)).slice(0, 3),
    ...detail.segments.filter((s) => s.segment === 'all')];
  for (const s of shown) print(`${experimentTable(s.segment, s.variants)}\n`);
  const attribution = await consoleApi(`/api/review/attribution?from=${from}`) as {
    windowDays: number; expectedYears: number; total: AttributionRow; bySegment: AttributionRow[]; byVariant: AttributionRow[]; lifetimeValue: LifetimeRow[];
  };
  print(`${attributionTable(`Attribution by segment since ${from} (last touch, ${attribution.windowDays}-day window)`, [...attribution.bySegment, attribution.total])}\n`);
  print(`${attributionTable('Attribution by experiment variant', attribution.byVariant)}\n`);
  print(lifetimeTable(attribution.lifetimeValue, attribution.expectedYears));
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
