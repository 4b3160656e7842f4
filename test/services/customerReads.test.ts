import { CustomerReads, forgettingWrites, withTurnMemo, type CustomerSnapshot } from '../../services/customerReads';
import type { CustomerRepository } from '../../data/ports';
import type { Customer } from '../../domain/model';

function countingReader(): { reads: string[]; read: (id: string) => Promise<CustomerSnapshot> } {
  const reads: string[] = [];
  return { reads, read: async (id) => { reads.push(id); return { customer: undefined, segment: undefined, dismissedProductIds: [`seen-${reads.length}`] }; } };
}

describe('customer reads memo', () => {
  it('reads a customer once per turn, and again in the next turn', async () => {
    const source = countingReader();
    const reads = new CustomerReads(source.read);
    await withTurnMemo(async () => {
      await Promise.all([reads.snapshot('a'), reads.snapshot('a')]);
      await reads.snapshot('a');
      await reads.snapshot('b');
    });
    await withTurnMemo(async () => { await reads.snapshot('a'); });
    expect(source.reads).toEqual(['a', 'b', 'a']);
  });

  it('reads every time outside a turn', async () => {
    const source = countingReader();
    const reads = new CustomerReads(source.read);
    await reads.snapshot('a');
    await reads.snapshot('a');
    expect(source.reads).toEqual(['a', 'a']);
  });

  it('forgets a customer written in the turn, and adds a dismissal made in it', async () => {
    const source = countingReader();
    const reads = new CustomerReads(source.read);
    const stored: Customer[] = [];
    const customers = forgettingWrites({ put: async (c: Customer) => { stored.push(c); } } as unknown as CustomerRepository, reads);
    await withTurnMemo(async () => {
      await reads.snapshot('a');
      await reads.noteDismissed('a', ['p1']);
      expect((await reads.snapshot('a')).dismissedProductIds).toEqual(['seen-1', 'p1']);
      await customers.put({ id: 'a' } as Customer);
      expect((await reads.snapshot('a')).dismissedProductIds).toEqual(['seen-2']);
    });
    expect(source.reads).toEqual(['a', 'a']);
    expect(stored).toHaveLength(1);
  });

  it('does not remember a failed read', async () => {
    let calls = 0;
    const reads = new CustomerReads(async () => {
      calls += 1;
      if (calls === 1) throw new Error('database away');
      return { customer: undefined, segment: undefined, dismissedProductIds: [] };
    });
    await withTurnMemo(async () => {
      await expect(reads.snapshot('a')).rejects.toThrow('database away');
      await expect(reads.snapshot('a')).resolves.toMatchObject({ dismissedProductIds: [] });
    });
    expect(calls).toBe(2);
  });
});
