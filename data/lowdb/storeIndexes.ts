/**
 * The in-memory indexes over the commerce document, built once on load and maintained by every write, so
 * that no repository call except list() scans a whole collection. They wrap the document's own arrays.
 */
import type { Order, Product, SegmentAssignment } from '../../domain/model';
import type { StoreData } from '../storeSchema';
import { CustomerIndex } from './customerIndex';
import { CustomerRecords } from './customerRecords';
import { KeyedList } from './keyedList';
import type { PersistentDocument } from './persistentDocument';
import { deepFreeze } from '../records';

export interface StoreIndexes {
  products: KeyedList<Product>;
  customers: CustomerIndex;
  orders: CustomerRecords<Order>;
  segments: KeyedList<SegmentAssignment>;
}

/** What each lowdb repository works on: the document (for writes) and the indexes (for reads). */
export interface StoreContext {
  doc: PersistentDocument<StoreData>;
  indexes: StoreIndexes;
}

/** Freezes the loaded records and indexes them; throws on duplicate ids or a shared email. */
export function buildIndexes(data: StoreData): StoreIndexes {
  // The records are frozen, not the arrays: the arrays are the document that writes change.
  for (const records of [data.products, data.customers, data.orders, data.segments]) {
    for (const record of records) deepFreeze(record);
  }
  return {
    products: new KeyedList(data.products, (p) => p.id, 'product'),
    customers: new CustomerIndex(data.customers),
    orders: new CustomerRecords(data.orders, { what: 'order', idOf: (o) => o.id, customerOf: (o) => o.customerId }),
    segments: new KeyedList(data.segments, (s) => s.customerId, 'segment assignment'),
  };
}
