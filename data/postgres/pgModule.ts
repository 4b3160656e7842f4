/**
 * pg (with pg-protocol and pg-types, about 40 modules) is loaded when a PostgreSQL pool or listener is created, not
 * when the adapters are imported: the composition root imports them in every configuration, and the default store
 * is lowdb.
 */
import type * as Pg from 'pg';

export function loadPg(): typeof Pg {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred load, see above
  return require('pg') as typeof Pg;
}
