/** Opens the console's stores on the PostgreSQL pool of the main store (migration 003 creates their tables). */
import type { Pool } from 'pg';
import type { OpenedConsoleStore } from '../consolePorts';
import { PostgresHandoffRepository } from './consoleHandoffs';
import { PostgresLoginThrottle } from './consoleLoginThrottle';
import { PostgresStaffRepository } from './consoleStaff';
import { PostgresTranscriptRepository } from './consoleTranscripts';

/** Every write is committed when it resolves; the pool belongs to the main store, which closes it. */
export function postgresConsoleStore(pool: Pool): OpenedConsoleStore {
  return {
    transcripts: new PostgresTranscriptRepository(pool),
    staff: new PostgresStaffRepository(pool),
    handoffs: new PostgresHandoffRepository(pool),
    loginThrottle: new PostgresLoginThrottle(pool),
    flush: async () => undefined,
    close: async () => undefined,
  };
}
