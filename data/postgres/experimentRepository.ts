/** Experiments and exposures in PostgreSQL (migration 020): the same contract as the lowdb file. */
import type { Pool } from 'pg';
import { ExperimentSchema, ExposureSchema, type Experiment, type Exposure } from '../../domain/experiments';
import { validRecord } from '../records';
import type { ExperimentRepository } from '../ports';
import { createPool, jsonb, storable } from './pool';

export class PostgresExperimentRepository implements ExperimentRepository {
  constructor(private readonly pool: Pool, private readonly ownsPool = false) {}

  /** Its own small pool: experiments are read once per suggestion round at most. */
  static open(url: string): PostgresExperimentRepository {
    return new PostgresExperimentRepository(createPool(url, { max: 3 }), true);
  }

  async list(): Promise<Experiment[]> {
    const { rows } = await this.pool.query<{ doc: Experiment }>('SELECT doc FROM experiments ORDER BY seq');
    return rows.map((r) => r.doc);
  }

  async get(id: string): Promise<Experiment | undefined> {
    const { rows } = await this.pool.query<{ doc: Experiment }>('SELECT doc FROM experiments WHERE id = $1', [storable(id)]);
    return rows[0]?.doc;
  }

  async put(experiment: Experiment): Promise<void> {
    const valid = validRecord(ExperimentSchema, experiment, 'experiment');
    await this.pool.query(
      'INSERT INTO experiments (id, doc) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc',
      [storable(valid.id), jsonb(valid)]);
  }

  async addExposure(exposure: Exposure): Promise<boolean> {
    const valid = validRecord(ExposureSchema, exposure, 'exposure');
    const result = await this.pool.query(
      `INSERT INTO experiment_exposures (experiment_id, conversation_id, customer_id, at, doc) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (experiment_id, conversation_id) DO NOTHING`,
      [storable(valid.experimentId), storable(valid.conversationId), valid.customerId === null ? null : storable(valid.customerId), valid.at, jsonb(valid)]);
    return (result.rowCount ?? 0) > 0;
  }

  async exposures(experimentId?: string): Promise<Exposure[]> {
    const { rows } = experimentId === undefined
      ? await this.pool.query<{ doc: Exposure }>('SELECT doc FROM experiment_exposures ORDER BY seq')
      : await this.pool.query<{ doc: Exposure }>('SELECT doc FROM experiment_exposures WHERE experiment_id = $1 ORDER BY seq', [storable(experimentId)]);
    return rows.map((r) => r.doc);
  }

  async unlinkCustomer(customerId: string): Promise<number> {
    const result = await this.pool.query(
      `UPDATE experiment_exposures SET customer_id = NULL, doc = doc || '{"customerId": null}'::jsonb WHERE customer_id = $1`,
      [storable(customerId)]);
    return result.rowCount ?? 0;
  }

  async close(): Promise<void> {
    if (this.ownsPool) await this.pool.end();
  }
}
