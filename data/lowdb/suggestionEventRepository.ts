import { SuggestionEventSchema, type SuggestionEvent } from '../../domain/model';
import type { SuggestionEventRepository } from '../ports';
import { validRecord } from './records';
import type { StoreContext } from './storeIndexes';

export class LowdbSuggestionEventRepository implements SuggestionEventRepository {
  constructor(private readonly store: StoreContext) {}

  /** All or nothing; the batch costs one (coalesced) file write. */
  add(events: SuggestionEvent[]): Promise<void> {
    return this.store.doc.change(() => {
      const valid = events.map((e) => validRecord(SuggestionEventSchema, e, 'suggestion event'));
      const ids = new Set(valid.map((e) => e.id));
      if (ids.size !== valid.length) throw new Error('Invalid suggestion events: the batch repeats an id');
      const taken = valid.find((e) => this.store.indexes.suggestionEvents.get(e.id));
      if (taken) throw new Error(`Invalid suggestion events: id "${taken.id}" is already stored`);
      for (const event of valid) this.store.indexes.suggestionEvents.add(event);
    });
  }

  async list(): Promise<SuggestionEvent[]> {
    return this.store.indexes.suggestionEvents.all();
  }

  async forCustomer(customerId: string): Promise<SuggestionEvent[]> {
    return this.store.indexes.suggestionEvents.forCustomer(customerId);
  }

  unlinkCustomer(customerId: string): Promise<number> {
    return this.store.doc.change(() => this.store.indexes.suggestionEvents.relink(customerId, null));
  }
}
