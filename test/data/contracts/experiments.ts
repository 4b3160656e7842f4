/** The experiment repository's contract: the same behaviour from the lowdb file and from PostgreSQL, across a reopen. */
import type { Experiment, Exposure } from '../../../domain/experiments';
import type { ExperimentRepository } from '../../../data/ports';

export interface ExperimentStoreSession {
  repository: ExperimentRepository;
  /** Closes and opens the same data again. */
  reopen(): Promise<ExperimentRepository>;
  dispose(): Promise<void>;
}

export interface ExperimentStoreFactory {
  kind: string;
  open(): Promise<ExperimentStoreSession>;
}

export const anExperiment = (id: string, overrides: Partial<Experiment> = {}): Experiment => ({
  id, name: `Experiment ${id}`, hypothesis: null, status: 'running', controlVariantId: 'a', segments: ['at_risk'], guardrails: ['optOutRate', 'csat'],
  variants: [{ id: 'a', name: 'Control', weight: 1, changes: {} }, { id: 'b', name: 'Win-back', weight: 2, changes: { strategy: 'win_back', tone: 'warm' } }],
  createdAt: '2026-11-20T10:00:00.000Z', createdBy: 'staff-1', endedAt: null, endedBy: null, winnerVariantId: null, ...overrides,
});

export const anExposure = (experimentId: string, conversationId: string, customerId: string | null = 'c1'): Exposure => ({
  id: `x-${experimentId}-${conversationId}`, experimentId, variantId: 'b', conversationId, customerId,
  segment: { primary: 'at_risk', rfmLabel: 'at_risk', persona: 'win_back' }, at: '2026-11-21T10:00:00.000Z',
});

export function experimentContract(factory: () => ExperimentStoreFactory): void {
  const withSession = async (work: (session: ExperimentStoreSession) => Promise<void>) => {
    const session = await factory().open();
    try {
      await work(session);
    } finally {
      await session.dispose();
    }
  };

  describe('experiments', () => {
    test('put adds or replaces by id; list keeps the order of creation; get finds one; all survive a reopen', () => withSession(async (s) => {
      await s.repository.put(anExperiment('e1'));
      await s.repository.put(anExperiment('e2'));
      await s.repository.put(anExperiment('e1', { status: 'ended', winnerVariantId: 'b', endedAt: '2026-11-22T10:00:00.000Z', endedBy: 'staff-2' }));
      const reopened = await s.reopen();
      expect((await reopened.list()).map((e) => [e.id, e.status])).toEqual([['e1', 'ended'], ['e2', 'running']]);
      expect(await reopened.get('e1')).toEqual(anExperiment('e1', { status: 'ended', winnerVariantId: 'b', endedAt: '2026-11-22T10:00:00.000Z', endedBy: 'staff-2' }));
      expect(await reopened.get('nope')).toBeUndefined();
    }));

    test('an invalid experiment is refused and nothing is stored', () => withSession(async (s) => {
      await expect(s.repository.put({ ...anExperiment('bad'), variants: [] })).rejects.toThrow(/experiment/);
      expect(await s.repository.list()).toEqual([]);
    }));

    test('one exposure per experiment and conversation: a repeat is not added', () => withSession(async (s) => {
      expect(await s.repository.addExposure(anExposure('e1', 'conv-1'))).toBe(true);
      expect(await s.repository.addExposure({ ...anExposure('e1', 'conv-1'), id: 'other-id', variantId: 'a' })).toBe(false);
      expect(await s.repository.addExposure(anExposure('e2', 'conv-1'))).toBe(true);
      expect(await s.repository.addExposure(anExposure('e1', 'conv-2'))).toBe(true);
      const reopened = await s.reopen();
      expect(await reopened.addExposure(anExposure('e1', 'conv-2'))).toBe(false);
      expect((await reopened.exposures('e1')).map((x) => [x.conversationId, x.variantId])).toEqual([['conv-1', 'b'], ['conv-2', 'b']]);
      expect(await reopened.exposures()).toHaveLength(3);
    }));

    test('erasure unlinks the customer from their exposures, keeping variant and segment', () => withSession(async (s) => {
      await s.repository.addExposure(anExposure('e1', 'conv-1', 'c1'));
      await s.repository.addExposure(anExposure('e1', 'conv-2', 'c2'));
      expect(await s.repository.unlinkCustomer('c1')).toBe(1);
      const reopened = await s.reopen();
      expect((await reopened.exposures()).map((x) => [x.conversationId, x.customerId, x.variantId])).toEqual([['conv-1', null, 'b'], ['conv-2', 'c2', 'b']]);
    }));
  });
}
