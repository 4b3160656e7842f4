/**
 * Turns Bot Framework activities into redacted transcript entries. Pure: no botbuilder import beyond
 * the activity's plain shape, so it is unit-testable on its own.
 */
import type { SegmentSnapshot } from '../domain/model';
import type { ShownProduct, TranscriptEntry } from '../data/console/schema';
import type { TurnAnnotations } from '../dialogs/turn';
import { HIDDEN_SIGN_IN_ANSWER, redact } from '../domain/redact';

/** The fields of a Bot Framework activity this module reads. */
export interface ActivityLike {
  type?: string;
  text?: string;
  name?: string;
  attachments?: { contentType?: string; content?: unknown }[];
}

const RECORDED_TYPES = new Set(['message', 'event']);
const MAX_CARDS = 12;
const MAX_CARD_TEXT = 300;

export function isRecorded(activity: ActivityLike): boolean {
  return RECORDED_TYPES.has(activity.type ?? '');
}

export function toEntry(
  activity: ActivityLike, direction: 'in' | 'out', annotations: TurnAnnotations, at: Date, withTurnFacts: boolean,
): TranscriptEntry {
  const text = typeof activity.text === 'string'
    ? activity.text
    : (activity.type === 'event' && typeof activity.name === 'string' ? `[event] ${activity.name}` : null);
  const hidden = direction === 'in' && annotations.sensitiveInput === true && text !== null;
  const products = direction === 'out' ? shownProducts(activity, annotations) : [];
  return {
    at: at.toISOString(),
    direction,
    type: typeof activity.type === 'string' ? activity.type : 'message',
    text: hidden ? HIDDEN_SIGN_IN_ANSWER : text === null ? null : redact(text),
    cards: cardTexts(activity).map(redact),
    customerId: annotations.customerId ?? null,
    segment: snapshotOf(annotations.segment),
    intent: withTurnFacts ? annotations.intent ?? null : null,
    intentScore: withTurnFacts ? annotations.intentScore ?? null : null,
    reasons: withTurnFacts ? (annotations.reasons ?? []).map((r) => ({ productId: r.productId, reason: redact(r.reason) })) : [],
    voice: annotations.voice ?? false,
    ...(products.length > 0 ? { products } : {}),
  };
}

/** The product cards among the activity's attachments (their buttons carry the product id), as the turn showed them. */
function shownProducts(activity: ActivityLike, annotations: TurnAnnotations): ShownProduct[] {
  const shown = annotations.shownProducts ?? [];
  if (shown.length === 0 || !Array.isArray(activity.attachments)) return [];
  const out: ShownProduct[] = [];
  for (const attachment of activity.attachments.slice(0, MAX_CARDS)) {
    const item = shown.find((candidate) => candidate.productId === cardProductId(attachment));
    if (!item) continue;
    out.push({
      productId: item.productId, name: item.name, price: item.price, currency: item.currency, reason: redact(item.reason),
      ...(item.imageUrl ? { imageUrl: item.imageUrl } : {}), ...(item.productUrl ? { productUrl: item.productUrl } : {}),
    });
  }
  return out;
}

function cardProductId(attachment: unknown): string | undefined {
  const content = (attachment as { content?: { actions?: unknown } } | null)?.content;
  const actions: unknown[] = Array.isArray(content?.actions) ? content.actions : [];
  for (const action of actions) {
    const productId = (action as { data?: { productId?: unknown } } | null)?.data?.productId;
    if (typeof productId === 'string') return productId;
  }
  return undefined;
}

function snapshotOf(segment: SegmentSnapshot | null | undefined): SegmentSnapshot | null {
  return segment ? { primary: segment.primary, rfmLabel: segment.rfmLabel, persona: segment.persona } : null;
}

/** One line per card: hero/thumbnail title, subtitle and text; adaptive cards' text blocks and facts. */
export function cardTexts(activity: ActivityLike): string[] {
  const out: string[] = [];
  // Activities come from outside: attachments may be anything, not only a list of objects.
  const attachments: unknown[] = Array.isArray(activity.attachments) ? activity.attachments : [];
  for (const attachment of attachments) {
    if (out.length >= MAX_CARDS) break;
    if (attachment === null || typeof attachment !== 'object') continue;
    const parts: string[] = [];
    collectText((attachment as { content?: unknown }).content, parts, 0);
    const line = parts.join(' · ').slice(0, MAX_CARD_TEXT);
    if (line) out.push(line);
  }
  return out;
}

const TEXT_FIELDS = ['title', 'subtitle', 'text', 'value'];

function collectText(node: unknown, parts: string[], depth: number): void {
  if (depth > 8 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) collectText(child, parts, depth + 1);
    return;
  }
  const record = node as Record<string, unknown>;
  // Buttons and actions are navigation, not content.
  if (typeof record.type === 'string' && record.type.startsWith('Action.')) return;
  for (const field of TEXT_FIELDS) {
    const value = record[field];
    if (typeof value === 'string' && value.trim()) parts.push(value.trim());
  }
  for (const key of ['body', 'items', 'columns', 'facts']) collectText(record[key], parts, depth + 1);
}
