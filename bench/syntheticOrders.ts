/**
 * Synthetic customers and order lines for the segmentation benchmark, generated straight into typed
 * columns (no object per line). Deterministic: the same sizes and seed give the same data.
 * Shape loosely follows the Online Retail data: a skewed number of invoices per customer, a few lines per
 * invoice, small quantities with occasional trade-sized ones, prices from pennies to tens of pounds.
 */
import { CATEGORY_IDS } from '../domain/categories';
import type { LineColumns, SegmentationSubject } from '../recommender/segmentation';
import { seededRandom } from '../domain/random';

const COUNTRIES = ['United Kingdom', 'United Kingdom', 'United Kingdom', 'United Kingdom', 'Germany', 'France', 'EIRE', 'Spain', 'Australia'];
const AGE_BANDS = ['18-24', '25-34', '35-49', '50-64', '65+'];
const NONE: readonly string[] = [];
const ECO: readonly string[] = ['eco-friendly'];
const DAY_MS = 86_400_000;

export interface SyntheticData {
  subjects: SegmentationSubject[];
  lines: LineColumns;
  asOf: Date;
}

export function generate(customers: number, lineCount: number, seed = 1): SyntheticData {
  const random = seededRandom(seed);
  const subjects: SegmentationSubject[] = new Array(customers);
  for (let i = 0; i < customers; i++) {
    const r = random();
    subjects[i] = {
      id: String(10000 + i),
      country: COUNTRIES[Math.floor(r * COUNTRIES.length)],
      ...(r < 0.2 ? { ageBand: AGE_BANDS[Math.floor(random() * AGE_BANDS.length)] } : {}),
      values: r > 0.93 ? ECO : NONE,
      interests: NONE,
      ...(r > 0.97 ? { isBusiness: true } : {}),
    };
  }
  const lines: LineColumns = {
    length: lineCount, customerIds: subjects.map((s) => s.id), customer: new Uint32Array(lineCount), invoice: new Uint32Array(lineCount),
    invoiceCount: 0, time: new Float64Array(lineCount), quantity: new Float64Array(lineCount), unitPrice: new Float64Array(lineCount),
    category: new Uint8Array(lineCount),
  };
  const start = Date.UTC(2010, 0, 1);
  let line = 0;
  let invoice = 0;
  while (line < lineCount) {
    // Squaring a uniform skews invoices towards low customer numbers: a few frequent buyers, a long tail.
    const customer = Math.floor(random() * random() * customers);
    const time = start + Math.floor(random() * 700 * DAY_MS);
    const size = Math.min(1 + Math.floor(random() * 9), lineCount - line);
    const favourite = Math.floor(random() * CATEGORY_IDS.length);
    for (let k = 0; k < size; k++, line++) {
      lines.customer[line] = customer;
      lines.invoice[line] = invoice;
      lines.time[line] = time;
      lines.quantity[line] = random() < 0.05 ? 48 + Math.floor(random() * 400) : 1 + Math.floor(random() * 12);
      lines.unitPrice[line] = Math.round(Math.exp(random() * 4.5 - 1.2) * 100) / 100;
      lines.category[line] = random() < 0.6 ? favourite : Math.floor(random() * CATEGORY_IDS.length);
    }
    invoice++;
  }
  lines.invoiceCount = invoice;
  return { subjects, lines, asOf: new Date(Date.UTC(2011, 11, 11)) };
}
