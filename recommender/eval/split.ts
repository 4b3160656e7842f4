/**
 * Protocol OR-T split (shared/docs/EVALUATION.md): train = invoices before the cutoff, test = on or after;
 * test users bought in both; relevant items = distinct items bought in test. Variant "new" removes each
 * user's train items from candidates and relevant items and drops users left with none.
 */
export interface Transaction {
  invoiceNo: string;
  stockCode: string;
  description: string;
  customerId: string;
  /** Epoch milliseconds. */
  time: number;
  country: string;
  unitPrice: number;
  quantity: number;
}

export type Variant = 'all' | 'new';
export const VARIANTS: readonly Variant[] = ['all', 'new'];

export interface EvalUser {
  customerId: string;
  relevant: ReadonlySet<string>;
  /** Items the ranking must not contain (the user's train items in "new"; nothing in "all"). */
  exclude: ReadonlySet<string>;
}

export interface Split {
  cutoff: number;
  train: Transaction[];
  /** Distinct items in train, sorted: the coverage denominator and the random baseline's pool. */
  trainItems: string[];
  testUsers: { customerId: string; trainItems: ReadonlySet<string>; testItems: ReadonlySet<string> }[];
}

export function parseCutoff(text: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new Error(`cutoff must be a date YYYY-MM-DD, got "${text}"`);
  const time = Date.parse(`${text}T00:00:00Z`);
  if (Number.isNaN(time)) throw new Error(`cutoff "${text}" is not a valid date`);
  return time;
}

export function splitByTime(rows: readonly Transaction[], cutoff: number): Split {
  const train: Transaction[] = [];
  const trainByUser = new Map<string, Set<string>>();
  const testByUser = new Map<string, Set<string>>();
  for (const row of rows) {
    const isTrain = row.time < cutoff;
    if (isTrain) train.push(row);
    const byUser = isTrain ? trainByUser : testByUser;
    let items = byUser.get(row.customerId);
    if (!items) byUser.set(row.customerId, (items = new Set()));
    items.add(row.stockCode);
  }
  const trainItems = [...new Set(train.map((r) => r.stockCode))].sort();
  const testUsers = [...testByUser.keys()]
    .filter((customerId) => trainByUser.has(customerId))
    .sort()
    .map((customerId) => ({ customerId, trainItems: trainByUser.get(customerId) ?? new Set<string>(), testItems: testByUser.get(customerId) ?? new Set<string>() }));
  return { cutoff, train, trainItems, testUsers };
}

export function variantUsers(split: Split, variant: Variant): EvalUser[] {
  const none = new Set<string>();
  if (variant === 'all') return split.testUsers.map((u) => ({ customerId: u.customerId, relevant: u.testItems, exclude: none }));
  return split.testUsers
    .map((u) => ({ customerId: u.customerId, relevant: new Set([...u.testItems].filter((i) => !u.trainItems.has(i))), exclude: u.trainItems }))
    .filter((u) => u.relevant.size > 0);
}

/**
 * A shop where nobody buys the same item twice, made from a real log: each customer's first purchase of each item is
 * kept (every line of the earliest invoice holding it), later purchases of it are dropped.
 */
export function firstPurchasesOnly(rows: readonly Transaction[]): Transaction[] {
  // Customer, then item: two lookups of the rows' own strings instead of building a joined key twice per row.
  const firstInvoice = new Map<string, Map<string, { time: number; invoiceNo: string }>>();
  for (const row of rows) {
    let items = firstInvoice.get(row.customerId);
    if (!items) firstInvoice.set(row.customerId, (items = new Map()));
    const seen = items.get(row.stockCode);
    if (!seen || row.time < seen.time || (row.time === seen.time && row.invoiceNo < seen.invoiceNo)) items.set(row.stockCode, { time: row.time, invoiceNo: row.invoiceNo });
  }
  return rows.filter((row) => firstInvoice.get(row.customerId)?.get(row.stockCode)?.invoiceNo === row.invoiceNo);
}
