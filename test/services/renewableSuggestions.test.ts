/**
 * RenewableSuggestionService: after renew() the next calls reach a fresh inner service (its catalogue caches gone),
 * while "why this?" still gets the reason an item was shown with before the renewal.
 */
import type { Product } from '../../domain/model';
import type { SuggestionReason } from '../../domain/suggestions';
import type { SuggestionContext, SuggestionService } from '../../services/ports';
import { RenewableSuggestionService } from '../../services/renewableSuggestions';

const CONTEXT: SuggestionContext = { conversationId: 'conv-1', profile: null };
const reason = (text: string): SuggestionReason => ({ kind: 'popular', text });
const P1: Product = { id: 'p1', name: 'Paper lantern', category: 'candles_lighting', price: 4, currency: 'GBP', tags: [], inStock: true };

/** Inner service number `n`: it suggests p1 "shown by n", explains anything as "recomputed by n", finds "found by n". */
function inner(n: number): SuggestionService {
  return {
    suggest: async () => ({ items: [{ product: P1, score: 1, reason: reason(`shown by ${n}`) }], personalized: false }),
    explain: async () => reason(`recomputed by ${n}`),
    record: async () => {},
    findProduct: async () => ({ id: `found by ${n}`, name: 'x', price: 1, currency: 'GBP' }),
  };
}

describe('RenewableSuggestionService', () => {
  it('serves each call from the current inner service, and after renew() from a fresh one', async () => {
    let created = 0;
    const service = new RenewableSuggestionService(() => inner(++created));
    expect((await service.findProduct('lantern'))?.id).toBe('found by 1');
    service.renew();
    expect((await service.findProduct('lantern'))?.id).toBe('found by 2');
    expect(created).toBe(2);
  });

  it('explains a shown item with the reason it was shown with, across a renewal; an item never shown is recomputed', async () => {
    let created = 0;
    const service = new RenewableSuggestionService(() => inner(++created));
    await service.suggest(CONTEXT, { customerId: null });
    service.renew();
    expect((await service.explain(CONTEXT, 'p1'))?.text).toBe('shown by 1');
    expect((await service.explain(CONTEXT, 'p2'))?.text).toBe('recomputed by 2');
    expect((await service.explain({ ...CONTEXT, conversationId: 'other' }, 'p1'))?.text).toBe('recomputed by 2');
  });
});
