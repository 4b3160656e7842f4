import type { IdentificationLockRepository } from '../ports';
import { LockStateSchema, type LockState } from '../storeSchema';
import { validRecord } from './records';
import type { StoreContext } from './storeIndexes';

/** Keys are stored as own properties of a plain record; hasOwn keeps "constructor" & co. from matching. */
export class LowdbLockRepository implements IdentificationLockRepository {
  constructor(private readonly store: StoreContext) {}

  async get(key: string): Promise<LockState | undefined> {
    const locks = this.store.doc.data.locks;
    return Object.hasOwn(locks, key) ? { ...locks[key] } : undefined;
  }

  put(key: string, state: LockState): Promise<void> {
    return this.store.doc.change((data) => {
      Object.defineProperty(data.locks, key, {
        value: validRecord(LockStateSchema, state, 'identification lock'), enumerable: true, writable: true, configurable: true,
      });
    });
  }

  remove(key: string): Promise<void> {
    return this.store.doc.change((data) => {
      if (Object.hasOwn(data.locks, key)) delete data.locks[key];
    });
  }
}
