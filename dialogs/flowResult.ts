/** What a flow tells the main dialog when it ends, so the main dialog knows what to say next. */
export type FlowOutcome =
  /** Finished; the main dialog asks "anything else?". */
  | 'completed'
  /** Finished with a question already sent (e.g. the refine question under a carousel): say nothing more. */
  | 'asked'
  /** The shopper cancelled or started over. */
  | 'cancelled'
  /** Handed over to a human: the bot steps back. */
  | 'handoff'
  /** The shopper is done (goodbye said): nothing more to ask. */
  | 'ended';

export interface FlowResult {
  outcome: FlowOutcome;
  /** Set by the identification flow. */
  identified?: boolean;
}

export function flowResult(outcome: FlowOutcome, identified?: boolean): FlowResult {
  return identified === undefined ? { outcome } : { outcome, identified };
}

export function isFlowResult(value: unknown): value is FlowResult {
  return typeof value === 'object' && value !== null && 'outcome' in value && typeof value.outcome === 'string';
}
