import type { WaterfallStepContext } from 'botbuilder-dialogs';

/**
 * Typed view of a waterfall's `values` bag (botbuilder types it as `object`). Everything in it is
 * serialised into dialog state between turns, so only JSON-able fields belong in T.
 */
export function stepValues<T extends object>(step: WaterfallStepContext): Partial<T> {
  return step.values as Partial<T>;
}
