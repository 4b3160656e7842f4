/**
 * Runs each turn under the conversation's turn lock (see data/turnLock.ts), around state load and save, and with
 * its own memo of customer reads (services/customerReads.ts), so the turn reads each customer once.
 */
import type { Middleware, TurnContext } from 'botbuilder';
import type { TurnLock } from '../data/turnLock';
import { withTurnMemo } from '../services/customerReads';

export class TurnLockMiddleware implements Middleware {
  constructor(private readonly lock: TurnLock) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { channelId, conversation } = context.activity;
    await this.lock.run(`${channelId}/${conversation?.id ?? ''}`, () => withTurnMemo(next));
  }
}
