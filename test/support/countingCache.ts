/** A model cache in memory that counts what a fit asked of it (test/**: the kept-fit tests of each model). */
import type { ModelCache } from '../../domain/modelCache';

export class CountingCache implements ModelCache {
  readonly entries = new Map<string, Uint8Array>();
  hits = 0;
  sets = 0;
  rejected = 0;

  get(key: string): Uint8Array | undefined {
    const bytes = this.entries.get(key);
    if (bytes) this.hits++;
    return bytes;
  }

  set(key: string, bytes: Uint8Array): void {
    this.sets++;
    this.entries.set(key, bytes);
  }

  reject(key: string): void {
    this.rejected++;
    this.entries.delete(key);
  }
}
