/**
 * The shape of the commerce file (one lowdb JSON document), validated with zod whenever it is read.
 * Dialog state lives in a separate file (see lowdb/conversationStorage.ts) because it changes on every turn;
 * suggestion events, feedback and audit entries live in append-only logs beside it (see lowdb/recordLogs.ts).
 */
import { z } from 'zod';
import {
  AuditEntrySchema, CustomerSchema, FeedbackSchema, OrderSchema, ProductSchema,
  SegmentAssignmentSchema, SuggestionEventSchema,
} from '../domain/model';

export const STORE_VERSION = 1;

const isoDateTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO date-time');

export const LockStateSchema = z.object({
  failures: z.number().int().nonnegative(),
  lockedUntil: isoDateTime.nullable(),
  /** When the record may be pruned: the lock's end, or the lock window after the last failure. Absent in older files. */
  expiresAt: isoDateTime.optional(),
});
export type LockState = z.infer<typeof LockStateSchema>;

/**
 * Every number here is finite: zod refuses Infinity and NaN (JSON.parse turns a literal like 1e999 into Infinity), so
 * such a file is reported, never half-read. Orders are read without the finite-total check new orders pass
 * (StorableOrderSchema): a store that took an overflowing order before it existed still opens, and segmentation
 * leaves that order out instead of failing for everyone.
 */
export const StoreDataSchema = z.object({
  version: z.literal(STORE_VERSION),
  products: z.array(ProductSchema),
  customers: z.array(CustomerSchema),
  orders: z.array(OrderSchema),
  segments: z.array(SegmentAssignmentSchema),
  /** Only in files written before the append-only logs: opening moves them there and drops them here. */
  feedback: z.array(FeedbackSchema).optional(),
  suggestionEvents: z.array(SuggestionEventSchema).optional(),
  audit: z.array(AuditEntrySchema).optional(),
  /** Failed identification attempts by key (channel user or email hash). */
  locks: z.record(z.string(), LockStateSchema),
});
export type StoreData = z.infer<typeof StoreDataSchema>;

export function emptyStoreData(): StoreData {
  return {
    version: STORE_VERSION, products: [], customers: [], orders: [], segments: [], locks: {},
  };
}
