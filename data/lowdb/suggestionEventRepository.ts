import { SuggestionEventSchema, type SuggestionEvent } from '../../domain/model';
import type { SuggestionEventRepository } from '../ports';
import type { AppendLog } from './appendLog';
import { validRecord } from '../records';

export class LowdbSuggestionEventRepository implements SuggestionEventRepository {
  constructor(private readonly log: AppendLog<SuggestionEvent>) {}

  /** All or nothing (a batch repeating an id or reusing a stored one adds none); one coalesced append. */
  async add(events: SuggestionEvent[]): Promise<void> {
    await this.log.append(events.map((e) => validRecord(SuggestionEventSchema, e, 'suggestion event')));
  }

  async list(): Promise<SuggestionEvent[]> {
    return this.log.all();
  }

  async forCustomer(customerId: string): Promise<SuggestionEvent[]> {
    return this.log.forCustomer(customerId);
  }

  /** Erasure: the events stay (for the shop's statistics), detached; the log is rewritten without the id. */
  unlinkCustomer(customerId: string): Promise<number> {
    return this.log.updateCustomer(customerId, (event) => ({ ...event, customerId: null }));
  }
}
