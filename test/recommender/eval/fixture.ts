/** Tiny transaction logs for the evaluation tests. */
import type { Transaction } from '../../../recommender/eval/split';

export function tx(invoiceNo: string, customerId: string, date: string, stockCode: string, country = 'United Kingdom'): Transaction {
  return { invoiceNo, customerId, stockCode, description: `item ${stockCode}`, time: Date.parse(`${date}T12:00:00Z`), country, unitPrice: 1, quantity: 1 };
}

/**
 * Cutoff 2011-09-01. u1 and u2 buy before and after; u3 only before; u4 only after.
 * u2's test purchases are all items it already bought, so it leaves the "new" variant.
 */
export const ROWS: Transaction[] = [
  tx('1', 'u1', '2011-08-01', 'A'), tx('1', 'u1', '2011-08-01', 'B'),
  tx('2', 'u1', '2011-08-10', 'A'),
  tx('3', 'u2', '2011-08-02', 'B'), tx('3', 'u2', '2011-08-02', 'C'),
  tx('4', 'u3', '2011-07-01', 'A'), tx('4', 'u3', '2011-07-01', 'C', 'France'), tx('4', 'u3', '2011-07-01', 'D', 'France'),
  tx('5', 'u1', '2011-09-05', 'A'), tx('5', 'u1', '2011-09-05', 'C'), tx('5', 'u1', '2011-09-05', 'Z'),
  tx('6', 'u2', '2011-09-03', 'B'),
  tx('7', 'u4', '2011-09-04', 'A'),
];
