/** SIMULATION_CLOCK: runs a turn at its channelData.simulatedAt (see services/experiments/turnClock.ts). */
import type { Middleware, TurnContext } from 'botbuilder';
import { runAt, simulatedInstant } from '../services/experiments/turnClock';

export const simulatedClockMiddleware: Middleware = {
  onTurn: async (context: TurnContext, next: () => Promise<void>): Promise<void> => {
    const channelData: unknown = context.activity.channelData;
    const requested = channelData && typeof channelData === 'object' ? (channelData as { simulatedAt?: unknown }).simulatedAt : undefined;
    const at = simulatedInstant(requested);
    await (at ? runAt(at, next) : next());
  },
};
