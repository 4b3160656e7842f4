/**
 * A round that finds too little is topped up from wider requests, most faithful first, and says so: its colours go
 * first (a mug in another colour is closer than a green anything), then its words, then its categories; its budget
 * and occasion are never dropped silently, and who the present is for (a child, a baby) never at all: a child's day
 * with too few themed items ("a Christmas present for my 7 year old") gets other children's presents, and the note
 * says so. When even
 * the widest request finds nothing within the budget, the closest in price are offered, and said to be.
 * Pure: the caller passes a `suggest` function.
 */
import type { Audience, Suggestion, SuggestionResult } from '../../domain/suggestions';
import type { LastRequest } from '../session';
import { categoryLabel } from '../../domain/categories';
import { formatPrice } from './cards';

export type Suggest = (request: LastRequest, limit: number) => Promise<SuggestionResult>;

export interface WidenedRound {
  items: Suggestion[];
  personalized: boolean;
  /** What the shopper is told about a topped-up or closest-in-price round; null when the request was met. */
  note: string | null;
  /** The short spoken form of the note (voice turns have a word budget). */
  spokenNote: string | null;
}

/** Fewer matches than this are topped up; a few exact matches are better shown alone than diluted. */
const ENOUGH = 3;
/** Looking past the budget for the closest prices reads this many candidates. */
const CLOSEST_POOL = 60;

function widerRequests(request: LastRequest): LastRequest[] {
  const out: LastRequest[] = [];
  if (request.colours?.length && (request.keywords?.length || request.categories?.length)) out.push({ ...request, colours: undefined });
  if (request.keywords?.length) out.push({ ...request, keywords: undefined });
  if (request.categories?.length) out.push({ ...request, keywords: undefined, categories: undefined });
  if (request.audience && request.occasion && request.occasion !== 'gift') out.push({ ...request, keywords: undefined, categories: undefined, occasion: 'gift' });
  return out;
}

const AUDIENCE_LABELS: Record<Audience, string> = { child: 'children', baby: 'babies' };

/** " for children" when the request is for an age group, else nothing. */
const forWhom = (request: LastRequest): string => (request.audience ? ` for ${AUDIENCE_LABELS[request.audience]}` : '');

function quoted(request: LastRequest): string {
  const colours = request.colours?.length ? `${request.colours.join(' or ')} ` : '';
  if (request.keywords?.length) return `"${colours}${request.keywords.join(' ')}"`;
  if (request.categories?.length) return `"${colours}${request.categories.map((c) => categoryLabel(c).toLowerCase()).join('" or "')}"`;
  if (colours) return `"${colours.trim()}"`;
  return request.occasion && request.occasion !== 'gift' ? `"${request.occasion}"` : 'that';
}

/** What the top-up is, in words: "christmas ideas", "gift ideas for children". */
function addedKind(request: LastRequest, occasionKept: boolean): string {
  if (request.occasion && request.occasion !== 'gift' && occasionKept) return `${request.occasion} ideas${forWhom(request)}`;
  return `${request.occasion ? 'gift ideas' : 'ideas'}${forWhom(request)}`;
}

function within(request: LastRequest): string {
  const max = request.budget?.max;
  return max !== undefined ? ` up to ${formatPrice(max, 'GBP')}` : '';
}

export async function widenedRound(request: LastRequest, limit: number, suggest: Suggest): Promise<WidenedRound> {
  const first = await suggest(request, limit);
  const items = [...first.items];
  let personalized = first.personalized;
  const seen = new Set(items.map((s) => s.product.id));
  const enough = Math.min(ENOUGH, limit);
  let occasionKept = true;
  for (const wider of widerRequests(request)) {
    if (items.length >= enough && items.length === first.items.length) break;
    if (items.length >= limit) break;
    const more = await suggest(wider, limit);
    if (more.items.some((s) => !seen.has(s.product.id)) && wider.occasion !== request.occasion) occasionKept = false;
    personalized ||= more.personalized;
    for (const suggestion of more.items) {
      if (items.length >= limit) break;
      if (!seen.has(suggestion.product.id)) {
        seen.add(suggestion.product.id);
        items.push(suggestion);
      }
    }
  }
  if (items.length > first.items.length) {
    const found = first.items.length;
    const start = `${found === 0 ? 'Nothing' : `Only ${found}`}${forWhom(request)} matched ${quoted(request)}`;
    // By voice only a round with no match at all says so (briefly): its first items are not what was asked for.
    const spokenNote = found === 0 ? 'No exact match. Other ideas:' : null;
    return { items, personalized, note: `${start}, so I've added other ${addedKind(request, occasionKept)}${within(request)}.`, spokenNote };
  }
  if (items.length > 0 || request.budget?.max === undefined) return { items, personalized, note: null, spokenNote: null };
  return closestInPrice(request, limit, suggest);
}

/** Nothing within the budget: the cheapest of what the request would otherwise find. */
async function closestInPrice(request: LastRequest, limit: number, suggest: Suggest): Promise<WidenedRound> {
  const widest = widerRequests(request).at(-1) ?? request;
  const uncapped = await suggest({ ...widest, budget: request.budget?.min !== undefined ? { min: request.budget.min } : undefined }, CLOSEST_POOL);
  const items = [...uncapped.items].sort((a, b) => a.product.price - b.product.price || a.product.id.localeCompare(b.product.id)).slice(0, limit);
  if (items.length === 0) return { items, personalized: uncapped.personalized, note: null, spokenNote: null };
  return {
    items,
    personalized: uncapped.personalized,
    note: `I have nothing${within(request)} for that. These are the closest in price.`,
    spokenNote: `Nothing${within(request)}. The closest:`,
  };
}
