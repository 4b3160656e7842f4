/**
 * Suggestion events recorded during a turn wait for the turn's state write (turnSession.ts), which stores them in the
 * same statement; outside a turn, or once its state is written, they are stored at once. Reads include the turn's
 * pending events, so the turn sees what it recorded.
 */
import { SuggestionEventSchema, type SuggestionEvent } from '../../domain/model';
import { validRecord } from '../records';
import type { SuggestionEventRepository } from '../ports';
import { activeTurn } from './turnSession';

export class TurnBatchedSuggestionEvents implements SuggestionEventRepository {
  constructor(private readonly stored: SuggestionEventRepository) {}

  async add(events: SuggestionEvent[]): Promise<void> {
    const turn = activeTurn();
    if (!turn) return this.stored.add(events);
    // Checked now, as an immediate write would, so a bad record fails the call that made it.
    turn.pendingEvents.push(...events.map((e) => validRecord(SuggestionEventSchema, e, 'suggestion event')));
  }

  async list(): Promise<SuggestionEvent[]> {
    return [...(await this.stored.list()), ...(activeTurn()?.pendingEvents ?? [])];
  }

  async forCustomer(customerId: string): Promise<SuggestionEvent[]> {
    const pending = activeTurn()?.pendingEvents.filter((e) => e.customerId === customerId) ?? [];
    return [...(await this.stored.forCustomer(customerId)), ...pending];
  }

  unlinkCustomer(customerId: string): Promise<number> {
    for (const event of activeTurn()?.pendingEvents ?? []) {
      if (event.customerId === customerId) event.customerId = null;
    }
    return this.stored.unlinkCustomer(customerId);
  }
}
