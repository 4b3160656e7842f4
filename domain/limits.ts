/**
 * Bounds on the numbers that come from outside (the shop's orders and catalogue updates, importer rows). Finite,
 * bounded quantities and prices keep every derived sum finite: with both maxima at most MAX_CONFIGURABLE_LIMIT a
 * line total stays below 1e18, so no order (or a customer's lifetime spend) can overflow to Infinity and poison the
 * segmentation's averages and k-means.
 */
export interface NumberLimits {
  /** Largest quantity of one order line (config MAX_ORDER_QUANTITY). */
  maxOrderQuantity: number;
  /** Largest unit price of an order line or a product (config MAX_UNIT_PRICE). */
  maxUnitPrice: number;
}

/** Well above the real data (largest line 80,995 units; dearest product 649.50) and far below any overflow. */
export const DEFAULT_NUMBER_LIMITS: NumberLimits = { maxOrderQuantity: 100_000, maxUnitPrice: 100_000 };

/** The settings accept no maximum above this. */
export const MAX_CONFIGURABLE_LIMIT = 1e9;

/** Sum of quantity x unit price; not finite when the lines would overflow. */
export function orderTotal(lines: readonly { quantity: number; unitPrice: number }[]): number {
  return lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);
}
