/**
 * Order lines that are charges, not goods ("Next Day Carriage", "Packing Charge"): shops that import their order
 * history bring them in as products, but nobody wants one suggested. Whole-name rules only, so a "Carriage Clock"
 * or a "Lattice Charger" stays a product.
 */
const CHARGE_NAME = /^(?:(?:next day|express|standard|international|uk|eu)\s+)?(?:carriage|postage|delivery|shipping|p\s*&\s*p)(?:\s+(?:charge|fee|costs?))?$|\b(?:charge|fee|surcharge)s?$/i;

export function isChargeLine(name: string): boolean {
  return CHARGE_NAME.test(name.trim());
}
