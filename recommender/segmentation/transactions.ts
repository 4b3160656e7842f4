/**
 * Turns cleaned transaction rows (the Online Retail layout, already read and cleaned by the caller) into
 * columnar lines and customer subjects, so the analyst mode runs the very engine the bot uses.
 */
import { categoryIndex } from './aggregates';
import type { LineColumns } from './columns';
import type { SegmentationSubject } from './subjects';

/** The fields of a cleaned row the segmentation reads (structurally a data/import RetailRow). */
export interface TransactionRow {
  invoiceNo: string;
  stockCode: string;
  description: string;
  quantity: number;
  /** Epoch ms. */
  time: number;
  unitPrice: number;
  customerId: string;
  country: string;
}

const NONE: readonly string[] = [];

/** `categoryOf` maps a product description to a category id; it is called once per stock code. */
export function columnsFromTransactions(
  rows: readonly TransactionRow[], categoryOf: (description: string) => string,
): { subjects: SegmentationSubject[]; lines: LineColumns } {
  const customerSlots = new Map<string, number>();
  const subjects: SegmentationSubject[] = [];
  const invoices = new Map<string, number>();
  const categories = new Map<string, number>();
  const n = rows.length;
  const lines: LineColumns = {
    length: n, customerIds: [], customer: new Uint32Array(n), invoice: new Uint32Array(n), invoiceCount: 0,
    time: new Float64Array(n), quantity: new Float64Array(n), unitPrice: new Float64Array(n), category: new Uint8Array(n),
  };
  rows.forEach((row, i) => {
    let customer = customerSlots.get(row.customerId);
    if (customer === undefined) {
      customer = subjects.length;
      customerSlots.set(row.customerId, customer);
      subjects.push({ id: row.customerId, country: row.country, values: NONE, interests: NONE });
    } else if (subjects[customer].country !== row.country) {
      subjects[customer] = { ...subjects[customer], country: row.country }; // the latest country wins
    }
    let invoice = invoices.get(row.invoiceNo);
    if (invoice === undefined) { invoice = invoices.size; invoices.set(row.invoiceNo, invoice); }
    let category = categories.get(row.stockCode);
    if (category === undefined) { category = categoryIndex(categoryOf(row.description)); categories.set(row.stockCode, category); }
    lines.customer[i] = customer;
    lines.invoice[i] = invoice;
    lines.time[i] = row.time;
    lines.quantity[i] = row.quantity;
    lines.unitPrice[i] = row.unitPrice;
    lines.category[i] = category;
  });
  return { subjects, lines: { ...lines, customerIds: subjects.map((s) => s.id), invoiceCount: invoices.size } };
}
