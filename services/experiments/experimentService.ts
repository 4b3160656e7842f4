/**
 * Experiments per segment: define, assign (deterministically, assignment.ts), record exposures, end and roll out.
 * One experiment applies to a customer at a time: the oldest running one whose segments include theirs, so two
 * experiments never change the same reply. After "end and roll out", the winner's changes apply to everyone in the
 * experiment's segments (no exposures any more); ending without a winner restores the persona's defaults.
 */
import { z } from 'zod';
import {
  GuardrailMetricSchema, VariantSchema, type Experiment, type Exposure, type Variant,
} from '../../domain/experiments';
import type { SegmentSnapshot } from '../../domain/model';
import type { ExperimentRepository } from '../../data/ports';
import { newId } from '../ids';
import { assignVariant } from './assignment';
import type { ExperimentTreatments, Treatment, TreatmentSubject } from './treatments';

export const NewExperimentSchema = z.object({
  name: z.string().trim().min(1, 'a name is needed').max(120),
  hypothesis: z.string().trim().max(1000).optional(),
  variants: z.array(VariantSchema).min(2, 'at least two variants').max(6, 'at most six variants')
    .refine((vs) => new Set(vs.map((v) => v.id)).size === vs.length, 'variant ids must differ'),
  controlVariantId: z.string().optional(),
  segments: z.array(z.string().trim().min(1).max(60)).max(30).default([]),
  guardrails: z.array(GuardrailMetricSchema).default(['optOutRate', 'csat']),
}).strict().refine((e) => !e.controlVariantId || e.variants.some((v) => v.id === e.controlVariantId), {
  path: ['controlVariantId'], message: 'must be the id of one of the variants',
});
export type NewExperiment = z.input<typeof NewExperimentSchema>;

export class ExperimentError extends Error {
  constructor(readonly status: 404 | 409, message: string) {
    super(message);
  }
}

export interface ExperimentServiceDeps {
  repository: ExperimentRepository;
  now?: () => Date;
  /** An exposure that could not be stored never fails the shopper's turn. */
  onExposureError?: (error: unknown) => void;
  /** How long the list of experiments is reused between reads (default 5 s; other instances' changes show after it). */
  cacheMs?: number;
}

export function appliesTo(experiment: Pick<Experiment, 'segments'>, segment: SegmentSnapshot | null): boolean {
  if (experiment.segments.length === 0) return true;
  return segment !== null && (experiment.segments.includes(segment.primary) || experiment.segments.includes(segment.rfmLabel));
}

export class ExperimentService implements ExperimentTreatments {
  private cached: { at: number; experiments: Experiment[] } | null = null;
  private readonly now: () => Date;

  constructor(private readonly deps: ExperimentServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  list(): Promise<Experiment[]> {
    return this.deps.repository.list();
  }

  get(id: string): Promise<Experiment | undefined> {
    return this.deps.repository.get(id);
  }

  async create(input: z.output<typeof NewExperimentSchema>, staffId: string): Promise<Experiment> {
    const experiment: Experiment = {
      id: newId('exp'), name: input.name, hypothesis: input.hypothesis ?? null, status: 'running', variants: input.variants,
      controlVariantId: input.controlVariantId ?? input.variants[0].id, segments: input.segments, guardrails: input.guardrails,
      createdAt: this.now().toISOString(), createdBy: staffId, endedAt: null, endedBy: null, winnerVariantId: null,
    };
    await this.deps.repository.put(experiment);
    this.cached = null;
    return experiment;
  }

  /** Ends a running experiment; with `winnerVariantId` that variant is rolled out to the experiment's segments. */
  async end(id: string, winnerVariantId: string | null, staffId: string): Promise<Experiment> {
    const experiment = await this.deps.repository.get(id);
    if (!experiment) throw new ExperimentError(404, 'No such experiment.');
    if (experiment.status !== 'running') throw new ExperimentError(409, 'The experiment has already ended.');
    if (winnerVariantId !== null && !experiment.variants.some((v) => v.id === winnerVariantId)) {
      throw new ExperimentError(409, `The experiment has no variant "${winnerVariantId}".`);
    }
    const ended: Experiment = { ...experiment, status: 'ended', endedAt: this.now().toISOString(), endedBy: staffId, winnerVariantId };
    await this.deps.repository.put(ended);
    this.cached = null;
    return ended;
  }

  exposures(experimentId: string): Promise<Exposure[]> {
    return this.deps.repository.exposures(experimentId);
  }

  exposuresAll(): Promise<Exposure[]> {
    return this.deps.repository.exposures();
  }

  async treatmentFor(subject: TreatmentSubject): Promise<Treatment | null> {
    if (subject.customerId === null || !subject.personalization) return null;
    const experiments = await this.current();
    const running = experiments.find((e) => e.status === 'running' && appliesTo(e, subject.segment));
    if (running) {
      const variant = assignVariant(running.id, subject.customerId, running.variants);
      await this.recordExposure(running, variant, subject);
      return toTreatment(running, variant, false);
    }
    const rolledOut = [...experiments].reverse().find((e) => e.winnerVariantId !== null && appliesTo(e, subject.segment));
    const winner = rolledOut?.variants.find((v) => v.id === rolledOut.winnerVariantId);
    return rolledOut && winner ? toTreatment(rolledOut, winner, true) : null;
  }

  private async recordExposure(experiment: Experiment, variant: Variant, subject: TreatmentSubject): Promise<void> {
    try {
      await this.deps.repository.addExposure({
        id: newId('xp'), experimentId: experiment.id, variantId: variant.id, conversationId: subject.conversationId,
        customerId: subject.customerId, segment: subject.segment, at: this.now().toISOString(),
      });
    } catch (error) {
      this.deps.onExposureError?.(error);
    }
  }

  private async current(): Promise<Experiment[]> {
    const now = Date.now();
    if (this.cached && now - this.cached.at < (this.deps.cacheMs ?? 5_000)) return this.cached.experiments;
    const experiments = await this.deps.repository.list();
    this.cached = { at: now, experiments };
    return experiments;
  }
}

function toTreatment(experiment: Experiment, variant: Variant, rolledOut: boolean): Treatment {
  return { experimentId: experiment.id, variantId: variant.id, rolledOut, ...variant.changes };
}
