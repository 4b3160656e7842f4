/**
 * A small hand-built week of conversations (2026-11-16 .. 2026-11-22) plus one earlier, with feedback,
 * suggestion events and handoffs, in a real commerce store and a real console store on temp files.
 */
import { join } from 'node:path';
import { openStore, type OpenedStore } from '../../../data/openStore';
import { emptyStoreData } from '../../../data/storeSchema';
import { openConsoleStore } from '../../../data/console/consoleStore';
import type { OpenedConsoleStore as ConsoleStore } from '../../../data/consolePorts';
import type { TranscriptEntry } from '../../../data/console/schema';
import type { Customer, Feedback, SegmentSnapshot, SuggestionEvent } from '../../../domain/model';

export const AT_RISK: SegmentSnapshot = { primary: 'at_risk', rfmLabel: 'at_risk', persona: 'win_back' };
export const CHAMPIONS: SegmentSnapshot = { primary: 'champions', rfmLabel: 'champions', persona: 'loyal_fan' };
export const EMAILS = ['ann@example.com', 'bob@example.org', 'cat@example.net'];

function customer(id: string, email: string, personalization: boolean): Customer {
  return {
    id, displayName: `Customer ${id}`, email, postcode: 'SW1A 1AA', country: 'United Kingdom',
    preferences: { categories: [], values: [] }, identities: [],
    consent: { marketing: false, personalization, updatedAt: '2026-01-01T00:00:00.000Z' }, createdAt: '2025-01-01T00:00:00.000Z',
  };
}

let seq = 0;
function feedback(conversationId: string, segment: SegmentSnapshot | null, csat: number | null, nps: number | null, at: string): Feedback {
  seq += 1;
  return { id: `f${seq}`, conversationId, customerId: null, segment, csat, nps, comment: null, followsSuggestions: [], at };
}
function events(conversationId: string, segment: SegmentSnapshot | null, kind: SuggestionEvent['kind'], count: number, at: string): SuggestionEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `e${(seq += 1)}`, conversationId, customerId: null, productId: `P${i}`, kind, reason: 'Popular with customers like you', segment, at,
  }));
}

export function entry(at: string, direction: 'in' | 'out', text: string, customerId: string | null, segment: SegmentSnapshot | null): TranscriptEntry {
  return { at, direction, type: 'message', text, cards: [], customerId, segment, intent: direction === 'in' ? 'gift_ideas' : null, intentScore: null, reasons: [], voice: false };
}

export interface Fixture {
  commerce: OpenedStore;
  console: ConsoleStore;
  /** Closes both stores (their file handles), for the test's teardown. */
  close(): Promise<void>;
}

export async function buildFixture(dir: string): Promise<Fixture> {
  const data = emptyStoreData();
  data.customers = [customer('A', EMAILS[0], false), customer('B', EMAILS[1], true), customer('C', EMAILS[2], true)];
  data.feedback = [
    feedback('c1', AT_RISK, 2, 3, '2026-11-16T10:05:00Z'),
    feedback('c2', AT_RISK, 4, 9, '2026-11-17T10:05:00Z'),
    feedback('c2', AT_RISK, null, 2, '2026-11-17T10:06:00Z'),
    feedback('c3', CHAMPIONS, 5, 10, '2026-11-18T10:05:00Z'),
    feedback('c5', AT_RISK, 1, 0, '2026-11-01T10:05:00Z'),
  ];
  data.suggestionEvents = [
    ...events('c1', AT_RISK, 'shown', 4, '2026-11-16T10:01:00Z'),
    ...events('c1', AT_RISK, 'opened', 1, '2026-11-16T10:02:00Z'),
    ...events('c2', AT_RISK, 'dismissed', 2, '2026-11-17T10:02:00Z'),
    ...events('c3', CHAMPIONS, 'shown', 2, '2026-11-18T10:01:00Z'),
    ...events('c3', CHAMPIONS, 'opened', 2, '2026-11-18T10:02:00Z'),
    ...events('c4', null, 'shown', 1, '2026-11-19T10:01:00Z'),
    ...events('c5', AT_RISK, 'shown', 5, '2026-11-02T10:01:00Z'),
  ];
  const commerce = await openStore({ path: join(dir, 'store.json'), seed: () => data });
  const store = await openConsoleStore(join(dir, 'console.json'));
  const t = store.transcripts;
  await t.append('c1', 'webchat', [entry('2026-11-16T10:00:00Z', 'in', 'gift ideas for my mum', 'A', AT_RISK), entry('2026-11-16T10:00:01Z', 'out', 'Here are three ideas', 'A', AT_RISK)]);
  await t.append('c2', 'webchat', [entry('2026-11-17T10:00:00Z', 'in', 'any lanterns?', 'B', AT_RISK)]);
  await t.append('c3', 'directlinespeech', [entry('2026-11-18T10:00:00Z', 'in', 'reorder my candles', 'C', CHAMPIONS)]);
  await t.append('c4', 'webchat', [entry('2026-11-19T10:00:00Z', 'in', 'I want to talk to a person', null, null)]);
  await t.append('c5', 'webchat', [entry('2026-11-01T10:00:00Z', 'in', 'hello again', 'B', AT_RISK)]);
  await store.handoffs.open({ conversationId: 'c1', customerId: 'A', reason: 'asked for a person', segment: AT_RISK, at: '2026-11-16T10:03:00Z' });
  await store.handoffs.open({ conversationId: 'c4', customerId: null, reason: 'asked for a person', segment: null, at: '2026-11-19T10:01:00Z' });
  return { commerce, console: store, close: async () => { await Promise.all([commerce.close(), store.close()]); } };
}
