/** Maps PostgreSQL's error codes to the errors the lowdb adapters throw, so callers see one behaviour. */

const UNIQUE_VIOLATION = '23505';

/** True for a unique-constraint violation on `constraint` (e.g. "orders_pkey"). */
export function violates(error: unknown, constraint: string): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as { code?: unknown; constraint?: unknown };
  return e.code === UNIQUE_VIOLATION && e.constraint === constraint;
}

/** The key value a unique violation names in its detail ("Key (id)=(E1) already exists."). */
export function duplicateKeyOf(error: unknown): string | undefined {
  const detail = (error as { detail?: unknown } | null)?.detail;
  return typeof detail === 'string' ? /\)=\((.*)\) already exists/.exec(detail)?.[1] : undefined;
}
