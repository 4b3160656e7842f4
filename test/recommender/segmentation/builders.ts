/** Test data builders for the segmentation tests. */
import type { Customer, Order } from '../../../domain/model';

export function customer(id: string, overrides: Partial<Customer> = {}): Customer {
  return {
    id, displayName: `Customer ${id}`, email: `${id}@example.test`, postcode: 'AB1 2CD', country: 'United Kingdom',
    preferences: { categories: [], values: [] }, identities: [],
    consent: { marketing: false, personalization: true, updatedAt: '2011-01-01T00:00:00.000Z' },
    createdAt: '2011-01-01T00:00:00.000Z', ...overrides,
  };
}

let sequence = 0;
export function order(customerId: string, date: string, amounts: number[], id = `o${++sequence}`): Order {
  return { id, customerId, date, lines: amounts.map((amount, i) => ({ productId: `p${i}`, quantity: 1, unitPrice: amount })) };
}

export const AS_OF = new Date('2011-12-11T00:00:00.000Z');
export const FIXED_CLOCK = (): Date => new Date('2011-12-11T08:00:00.000Z');
