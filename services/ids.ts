import { randomUUID } from 'node:crypto';

/** Opaque unique ids for stored records, e.g. `fb-3f2c...`. */
export function newId(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}
