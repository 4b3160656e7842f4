/** Commerce-store facts the console joins with transcripts, loaded once per request. */
import { groupBy } from '../domain/groupBy';
import type { Customer, Feedback, SuggestionEvent } from '../domain/model';
import type { ConversationRecord, Handoff } from '../data/console/schema';
import type { ReviewDeps } from './deps';

export interface ReviewFacts {
  conversations: readonly ConversationRecord[];
  customers: Map<string, Customer>;
  feedback: Feedback[];
  feedbackByConversation: Map<string, Feedback[]>;
  events: SuggestionEvent[];
  handoffs: readonly Handoff[];
  handoffConversations: Set<string>;
}

export async function loadReviewFacts(deps: ReviewDeps): Promise<ReviewFacts> {
  const [customers, feedback, events, handoffs, conversations] = await Promise.all([
    deps.customers.list(), deps.feedback.list(), deps.suggestionEvents.list(),
    deps.consoleData.handoffs.list(), deps.consoleData.transcripts.list(),
  ]);
  return {
    conversations,
    customers: new Map(customers.map((c) => [c.id, c])),
    feedback,
    feedbackByConversation: groupBy(feedback, (f) => f.conversationId),
    events,
    handoffs,
    handoffConversations: new Set(handoffs.map((h) => h.conversationId)),
  };
}


/** The segment bucket a record belongs to; conversations nobody identified are "guest". */
export const GUEST_SEGMENT = 'guest';
export function segmentOf(snapshot: { primary: string } | null | undefined): string {
  return snapshot?.primary ?? GUEST_SEGMENT;
}

export function isOptedOut(customer: Customer | undefined): boolean {
  return customer !== undefined && !customer.consent.personalization;
}
