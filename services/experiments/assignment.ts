/**
 * Deterministic assignment: sha256(experimentId + ":" + customerId) read as a number in [0, 1), mapped onto the
 * variants' cumulative weights. The same customer always lands in the same variant of an experiment (every visit,
 * every instance, after a restart), and different experiments split customers independently.
 */
import { createHash } from 'node:crypto';
import type { Variant } from '../../domain/experiments';

/** A uniform number in [0, 1) from the first 48 bits of the hash (exact in a double). */
export function assignmentPoint(experimentId: string, customerId: string): number {
  const digest = createHash('sha256').update(`${experimentId}:${customerId}`).digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

export function assignVariant<V extends Pick<Variant, 'id' | 'weight'>>(experimentId: string, customerId: string, variants: readonly V[]): V {
  if (variants.length === 0) throw new Error('an experiment needs variants');
  const total = variants.reduce((sum, v) => sum + v.weight, 0);
  const point = assignmentPoint(experimentId, customerId) * total;
  let cumulative = 0;
  for (const variant of variants) {
    cumulative += variant.weight;
    if (point < cumulative) return variant;
  }
  return variants[variants.length - 1];
}
