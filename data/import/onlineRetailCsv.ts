/**
 * Reads transaction files in the UCI Online Retail layout (plain or .gz) and cleans them the way
 * shared/docs/EVALUATION.md specifies, counting every skipped row by reason. Shared by the importer,
 * the analyst segmentation command and the offline evaluation, so all three see the same rows.
 */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { DEFAULT_NUMBER_LIMITS, type NumberLimits } from '../../domain/limits';
import { textLineBatches } from './textLines';

export const RETAIL_COLUMNS = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'] as const;

/** Codes that are postage, fees, manual adjustments or samples rather than products. */
const NON_PRODUCT_CODES = new Set(['POST', 'DOT', 'M', 'D', 'C2', 'BANK CHARGES', 'AMAZONFEE', 'CRUK', 'PADS', 'S', 'B']);

export interface RetailRow {
  invoiceNo: string;
  stockCode: string;
  description: string;
  quantity: number;
  /** As stored in the file: `YYYY-MM-DD HH:MM:SS`, UTC. */
  invoiceDate: string;
  /** Epoch milliseconds of invoiceDate. */
  time: number;
  unitPrice: number;
  customerId: string;
  country: string;
}

export type SkipReason =
  | 'malformed' | 'no_customer' | 'cancellation' | 'non_positive_quantity' | 'non_positive_price' | 'non_product_code'
  | 'quantity_too_large' | 'price_too_large';

export const SKIP_REASON_TEXT: Record<SkipReason, string> = {
  malformed: 'malformed line (wrong column count, bad number or date)',
  no_customer: 'no CustomerID',
  cancellation: 'cancellation (InvoiceNo starts with C)',
  non_positive_quantity: 'quantity <= 0',
  non_positive_price: 'unit price <= 0',
  non_product_code: 'not a product (postage, fees, adjustments, samples)',
  quantity_too_large: `quantity above the limit (default ${DEFAULT_NUMBER_LIMITS.maxOrderQuantity})`,
  price_too_large: `unit price above the limit (default ${DEFAULT_NUMBER_LIMITS.maxUnitPrice})`,
};

export interface CleanResult {
  rows: RetailRow[];
  total: number;
  skipped: Record<SkipReason, number>;
}

/**
 * Splits one CSV record (RFC 4180 quoting). Most lines hold no quote at all and are split at every comma: the fields are
 * then slices of the line, not strings grown a character at a time (which V8 keeps as long chains until flattened).
 */
export function parseCsvRecord(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"') {
        if (line[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { fields.push(field); field = ''; }
    else field += ch;
  }
  fields.push(field);
  return fields;
}

function hasOpenQuote(text: string): boolean {
  let count = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) count++;
  return count % 2 === 1;
}

/** Yields the raw records of a file (header excluded), joining quoted fields that span lines. */
export async function* readCsvRecords(path: string): AsyncGenerator<string[]> {
  const input = createReadStream(path);
  const stream = path.endsWith('.gz') ? input.pipe(createGunzip()) : input;
  let header = true;
  let carry = '';
  for await (const lines of textLineBatches(stream)) {
    for (const line of lines) {
      const text = carry ? `${carry}\n${line}` : line;
      if (hasOpenQuote(text)) { carry = text; continue; }
      carry = '';
      if (header) {
        header = false;
        const names = parseCsvRecord(text.replace(/^\uFEFF/, '')).map((s) => s.trim());
        if (RETAIL_COLUMNS.some((c, i) => names[i] !== c)) {
          throw new Error(`${path}: expected the columns ${RETAIL_COLUMNS.join(', ')} but found ${names.join(', ')}`);
        }
        continue;
      }
      if (text.length > 0) yield parseCsvRecord(text);
    }
  }
}

export function isProductCode(code: string): boolean {
  return !NON_PRODUCT_CODES.has(code.toUpperCase()) && /\d/.test(code);
}

/**
 * Applies the cleaning rules to one record: a clean row, or the first reason it is skipped. Quantities and prices are
 * bounded like the shop's orders (domain/limits.ts), so no imported line can overflow a total.
 */
export function cleanRecord(fields: string[], limits: NumberLimits = DEFAULT_NUMBER_LIMITS): RetailRow | SkipReason {
  if (fields.length !== RETAIL_COLUMNS.length) return 'malformed';
  const [invoiceNo, stockCode, description, quantityText, invoiceDate, priceText, customerText, country] = fields;
  const customerId = customerText.trim().replace(/\.0+$/, '');
  if (!customerId) return 'no_customer';
  if (invoiceNo.toUpperCase().startsWith('C')) return 'cancellation';
  const quantity = Number(quantityText);
  const unitPrice = Number(priceText);
  const time = Date.parse(`${invoiceDate.replace(' ', 'T')}Z`);
  if (!Number.isFinite(quantity) || !Number.isFinite(unitPrice) || Number.isNaN(time)) return 'malformed';
  if (quantity <= 0) return 'non_positive_quantity';
  if (unitPrice <= 0) return 'non_positive_price';
  if (!isProductCode(stockCode)) return 'non_product_code';
  if (quantity > limits.maxOrderQuantity) return 'quantity_too_large';
  if (unitPrice > limits.maxUnitPrice) return 'price_too_large';
  return { invoiceNo, stockCode, description: description.trim(), quantity, invoiceDate, time, unitPrice, customerId, country };
}

/** Reads and cleans a whole file; `onProgress` is called every 50,000 records with the count so far. */
export async function loadRetailTransactions(path: string, onProgress?: (records: number) => void, limits = DEFAULT_NUMBER_LIMITS): Promise<CleanResult> {
  const skipped: Record<SkipReason, number> = {
    malformed: 0, no_customer: 0, cancellation: 0, non_positive_quantity: 0, non_positive_price: 0, non_product_code: 0,
    quantity_too_large: 0, price_too_large: 0,
  };
  const rows: RetailRow[] = [];
  let total = 0;
  for await (const fields of readCsvRecords(path)) {
    total++;
    const result = cleanRecord(fields, limits);
    if (typeof result === 'string') skipped[result]++;
    else rows.push(result);
    if (onProgress && total % 50000 === 0) onProgress(total);
  }
  return { rows, total, skipped };
}
