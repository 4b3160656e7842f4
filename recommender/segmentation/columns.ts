/**
 * Columnar order lines: the cheap way to feed millions of lines (analyst files, benchmarks) without an
 * object per line. Invoices are small integers so distinct-invoice counting is a bitmap, not a Set.
 */
import type { CustomerAggregates } from './aggregates';

export interface LineColumns {
  length: number;
  /** Customer ids referenced by `customer`. */
  customerIds: readonly string[];
  customer: Uint32Array;
  /** Invoice number, 0..invoiceCount-1; an invoice belongs to one customer. */
  invoice: Uint32Array;
  invoiceCount: number;
  /** Epoch ms. */
  time: Float64Array;
  quantity: Float64Array;
  unitPrice: Float64Array;
  /** Index into CATEGORY_IDS. */
  category: Uint8Array;
}

/** Adds every line, in order; `slotFor` maps a customer id to its aggregate slot (creating it). */
export function ingestColumns(aggregates: CustomerAggregates, slotFor: (customerId: string) => number, lines: LineColumns): void {
  const slots = new Int32Array(lines.customerIds.length);
  lines.customerIds.forEach((id, i) => { slots[i] = slotFor(id); });
  const counted = new Uint8Array(lines.invoiceCount);
  const invoiceTime = new Float64Array(lines.invoiceCount).fill(-Infinity);
  const invoiceSlot = new Int32Array(lines.invoiceCount).fill(-1);
  for (let i = 0; i < lines.length; i++) {
    const slot = slots[lines.customer[i]];
    const invoice = lines.invoice[i];
    // A line whose numbers would overflow a sum is left out (the importer's cleaning bounds them already).
    if (!aggregates.addLineIfFinite(slot, lines.quantity[i], lines.unitPrice[i], lines.category[i])) continue;
    if (counted[invoice] === 0) { counted[invoice] = 1; invoiceSlot[invoice] = slot; }
    if (lines.time[i] > invoiceTime[invoice]) invoiceTime[invoice] = lines.time[i];
  }
  // Invoices are counted after the lines so an invoice's latest line time is its purchase time.
  for (let invoice = 0; invoice < lines.invoiceCount; invoice++) {
    if (counted[invoice] === 1) aggregates.addInvoice(invoiceSlot[invoice], invoiceTime[invoice]);
  }
}
