/**
 * Experiments in their own lowdb file beside the store (`<store>.experiments.json`): definitions change rarely
 * and exposures are one per experiment and conversation, so one validated, durably written document is enough.
 */
import { Low } from 'lowdb';
import { z } from 'zod';
import { ExperimentSchema, ExposureSchema, type Experiment, type Exposure } from '../../domain/experiments';
import type { ExperimentRepository } from '../ports';
import { DurableJsonFile } from './durableJsonFile';
import { PersistentDocument } from './persistentDocument';
import { validRecord } from '../records';

const ExperimentFileSchema = z.object({ experiments: z.array(ExperimentSchema), exposures: z.array(ExposureSchema) });
type ExperimentFile = z.infer<typeof ExperimentFileSchema>;

export function experimentFilePath(storePath: string): string {
  return `${storePath}.experiments.json`;
}

export class LowdbExperimentRepository implements ExperimentRepository {
  /** experimentId → conversationIds exposed, so a repeated exposure is refused without a scan. */
  private readonly exposed = new Map<string, Set<string>>();

  private constructor(private readonly doc: PersistentDocument<ExperimentFile>) {
    for (const e of doc.data.exposures) this.exposedIn(e.experimentId).add(e.conversationId);
  }

  static async open(path: string): Promise<LowdbExperimentRepository> {
    const file = new DurableJsonFile(path, ExperimentFileSchema);
    const db = new Low(file, { experiments: [], exposures: [] });
    await db.read();
    return new LowdbExperimentRepository(new PersistentDocument(db, file, 'experiment store'));
  }

  async list(): Promise<Experiment[]> {
    return [...this.doc.data.experiments];
  }

  async get(id: string): Promise<Experiment | undefined> {
    return this.doc.data.experiments.find((e) => e.id === id);
  }

  async put(experiment: Experiment): Promise<void> {
    const valid = validRecord(ExperimentSchema, experiment, 'experiment');
    await this.doc.change((data) => {
      const at = data.experiments.findIndex((e) => e.id === valid.id);
      if (at >= 0) data.experiments[at] = valid;
      else data.experiments.push(valid);
    });
  }

  async addExposure(exposure: Exposure): Promise<boolean> {
    const valid = validRecord(ExposureSchema, exposure, 'exposure');
    const seen = this.exposedIn(valid.experimentId);
    if (seen.has(valid.conversationId)) return false;
    seen.add(valid.conversationId);
    await this.doc.change((data) => { data.exposures.push(valid); });
    return true;
  }

  async exposures(experimentId?: string): Promise<Exposure[]> {
    const all = this.doc.data.exposures;
    return experimentId === undefined ? [...all] : all.filter((e) => e.experimentId === experimentId);
  }

  unlinkCustomer(customerId: string): Promise<number> {
    return this.doc.change((data) => {
      let changed = 0;
      data.exposures = data.exposures.map((e) => {
        if (e.customerId !== customerId) return e;
        changed += 1;
        return { ...e, customerId: null };
      });
      return changed;
    });
  }

  close(): Promise<void> {
    return this.doc.close();
  }

  private exposedIn(experimentId: string): Set<string> {
    let set = this.exposed.get(experimentId);
    if (!set) {
      set = new Set();
      this.exposed.set(experimentId, set);
    }
    return set;
  }
}
