/**
 * Checks that a model-phrased suggestion reply says nothing the recommender did not: every price in it is
 * the price of a suggested item, every product it names (quoted, or a known catalogue name) is one of the
 * suggested items, and it names at least one of them. Anything else and the caller uses its template reply.
 */

export interface GroundingItem {
  name: string;
  price: number;
  currency: string;
}

export type GroundingVerdict = { grounded: true } | { grounded: false; problem: string };

const MAX_REPLY_LENGTH = 480;
const SYMBOL_TO_CURRENCY: Readonly<Record<string, string>> = { '£': 'GBP', $: 'USD', '€': 'EUR' };
/** "£2.95", "$ 10", "2.95 pounds", "95p". Group 1 symbol, 2 amount, 3 unit word. */
const MONEY = /([£$€])\s?(\d+(?:[.,]\d{1,2})?)|(\d+(?:\.\d{1,2})?)\s?(pounds?|quid|dollars?|euros?|p\b|pence)/gi;
const QUOTED = /["“”]([^"“”]{3,80})["“”]/g;

function amountsIn(text: string): Array<{ amount: number; currency: string | undefined }> {
  const found: Array<{ amount: number; currency: string | undefined }> = [];
  for (const m of text.matchAll(MONEY)) {
    if (m[1]) {
      found.push({ amount: Number(m[2].replace(',', '.')), currency: SYMBOL_TO_CURRENCY[m[1]] });
    } else {
      const unit = m[4].toLowerCase();
      const pence = unit === 'p' || unit === 'pence';
      const currency = /pound|quid|^p$|pence/.test(unit) ? 'GBP' : unit.startsWith('dollar') ? 'USD' : 'EUR';
      found.push({ amount: pence ? Number(m[3]) / 100 : Number(m[3]), currency });
    }
  }
  return found;
}

const samePrice = (a: number, b: number): boolean => Math.abs(a - b) < 0.005;

/**
 * @param otherProductNames catalogue names (lower case) of products NOT in the results; naming one fails the check
 */
export function checkGrounding(text: string, items: readonly GroundingItem[], otherProductNames: ReadonlySet<string> = new Set()): GroundingVerdict {
  const lower = text.toLowerCase();
  if (text.trim() === '' || text.length > MAX_REPLY_LENGTH) return { grounded: false, problem: 'empty or too long' };
  if (/https?:\/\/|www\./i.test(text)) return { grounded: false, problem: 'contains a link' };
  const itemNames = new Set(items.map((i) => i.name.toLowerCase()));

  for (const { amount, currency } of amountsIn(text)) {
    const matches = items.some((i) => samePrice(i.price, amount) && (currency === undefined || currency === i.currency));
    if (!matches) return { grounded: false, problem: `price ${amount} ${currency ?? ''} is not in the results`.trim() };
  }
  for (const [, quoted] of text.matchAll(QUOTED)) {
    if (!itemNames.has(quoted.toLowerCase().trim())) return { grounded: false, problem: `names "${quoted}", not a suggested item` };
  }
  for (const name of otherProductNames) {
    if (!itemNames.has(name) && lower.includes(name)) return { grounded: false, problem: `names "${name}", not a suggested item` };
  }
  if (![...itemNames].some((name) => lower.includes(name))) return { grounded: false, problem: 'names none of the suggested items' };
  return { grounded: true };
}
