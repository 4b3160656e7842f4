/** Wires the service implementations (and the recognizer they share the catalogue with) over the stores. */
import { recognizerSettings, type Config } from './config';
import type { OpenedStore } from '../data/openStore';
import { customerOfConversationState } from '../dialogs';
import type { ConsoleRepositories } from '../data/consolePorts';
import type { Recognizer } from '../language/types';
import { createRecognizer } from '../language';
import { type CustomerGroups, RecommenderIndex } from '../recommender/ranking/recommenderIndex';
import { guestPersona, personaFor } from '../recommender/segmentation';
import { ConsoleHandoffService } from '../review/handoffs';
import { ALWAYS_STAFFED, parseStaffHours } from '../review/staffHours';
import { catalogKeywords } from '../services/catalogVocabulary';
import { StoreFeedbackService } from '../services/feedbackService';
import { StoreIdentityService } from '../services/identityService';
import type { Logger } from '../logging/logger';
import type { Services } from '../services/ports';
import { StorePrivacyService } from '../services/privacyService';
import { RecommenderSuggestionService } from '../services/suggestionService';
import type { Repositories } from '../data/ports';
import { LiveIndex } from './liveIndex';
import type { ModelCache } from '../domain/modelCache';
import type { ErasureHooks } from './erasureHooks';
import type { ExportSections } from '../services/exportSections';
import type { SegmentAssignment } from '../domain/model';
import type { RecommenderUpdater } from '../services/orderIntake';
import type { CatalogIndexUpdater } from '../services/catalogUpdates';
import { CustomerReads, forgettingWrites, repositorySnapshotReader, type CustomerSnapshotReader } from '../services/customerReads';

export interface ServiceInputs {
  config: Config;
  store: Repositories;
  /** Erasure also removes the customer's conversation state (see OpenedStore). */
  purgeConversationState: OpenedStore['purgeConversationState'];
  consoleStore: ConsoleRepositories;
  identitySecret: string;
  log: Logger;
  /** What an erasure runs after the stores forgot the customer; these services add theirs. */
  erasure: ErasureHooks;
  /** What a data export adds beyond the stores; features built later add their sections. */
  exportSections: ExportSections;
  /** One customer's record, segment and dismissals in one read (PostgreSQL); default: the ports one by one. */
  customerSnapshots?: CustomerSnapshotReader;
  /** Where fitted models are kept across restarts (bot/modelCache.ts); absent: every start fits. */
  modelCache?: ModelCache;
}

export interface BuiltServices {
  services: Services;
  recognizer: Recognizer;
  /** Which language back end answers first: local, luis or openai. */
  backend: string;
  /** Re-reads segment labels into the recommender's segment popularity (after segments were recomputed). */
  refreshSegmentGroups(): Promise<void>;
  /** What order intake and catalogue updates change: always the current index, even across an erasure's rebuild. */
  recommender: RecommenderUpdater & CatalogIndexUpdater;
  /** Rebuilds the recommender index from the store (another instance erased a customer). */
  rebuildRecommender(): Promise<void>;
}

/** Builds the recommender index from the store; segment popularity groups customers by RFM label. */
export async function buildRecommenderIndex(store: Repositories, modelCache?: ModelCache): Promise<RecommenderIndex> {
  const [products, orders] = await Promise.all([store.catalog.list(), store.orders.list()]);
  return RecommenderIndex.build({ products, orders, customers: await customerGroups(store), modelCache });
}

async function customerGroups(store: Repositories): Promise<Map<string, CustomerGroups>> {
  const [customers, segments] = await Promise.all([store.customers.list(), store.segments.list()]);
  const labels = new Map(segments.map((s) => [s.customerId, s.rfm.label]));
  return new Map(customers.map((c) => [c.id, { segmentLabel: labels.get(c.id), country: c.country }]));
}

async function changedGroups(store: Repositories, changed: readonly SegmentAssignment[]): Promise<Map<string, CustomerGroups>> {
  const groups = new Map<string, CustomerGroups>();
  const customers = await Promise.all(changed.map((a) => store.customers.get(a.customerId)));
  // As customerGroups: only ids the store has a customer record for (not the pseudonyms of erased orders).
  changed.forEach((a, i) => { const c = customers[i]; if (c) groups.set(a.customerId, { segmentLabel: a.rfm.label, country: c.country }); });
  return groups;
}

export async function buildServices(inputs: ServiceInputs): Promise<BuiltServices> {
  const { config, consoleStore, log } = inputs;
  // Read once per turn (see services/customerReads.ts); a write to a customer makes the turn read it again.
  const reads = new CustomerReads(inputs.customerSnapshots ?? repositorySnapshotReader(inputs.store));
  const store: Repositories = { ...inputs.store, customers: forgettingWrites(inputs.store.customers, reads) };
  const products = await store.catalog.list();
  const live = await LiveIndex.open(() => buildRecommenderIndex(store, inputs.modelCache));
  const personaOf = (assignment: Parameters<typeof personaFor>[0] | undefined) => (assignment ? personaFor(assignment) : guestPersona());

  inputs.erasure.add(async (customerId) => { await inputs.purgeConversationState((item) => customerOfConversationState(item) === customerId); });
  // The index keeps purchase histories by customer id: rebuild it so the erased id is gone from memory too.
  inputs.erasure.add(() => live.rebuild());

  const suggestions = new RecommenderSuggestionService({
    catalog: store.catalog, customers: store.customers, events: store.suggestionEvents, index: () => live.current(), reads,
  });
  const services: Services = {
    identity: new StoreIdentityService({
      customers: store.customers, orders: store.orders, segments: store.segments, locks: store.locks, audit: store.audit,
      personaOf, reads, identitySecret: inputs.identitySecret, maxTokenTtlSeconds: config.IDENTITY_MAX_TTL_SECONDS, log,
      identityAudience: config.IDENTITY_AUDIENCE, acceptLegacyTokens: config.IDENTITY_LEGACY_TOKENS,
    }),
    suggestions,
    feedback: new StoreFeedbackService(store.feedback),
    privacy: new StorePrivacyService({
      repositories: store, transcripts: consoleStore.transcripts, onErased: (customerId, pseudonym) => inputs.erasure.run(customerId, pseudonym),
      exportSections: inputs.exportSections,
    }),
    handoff: new ConsoleHandoffService(consoleStore.handoffs, consoleStore.transcripts, store.audit, () => new Date(),
      config.STAFF_HOURS ? parseStaffHours(config.STAFF_HOURS, config.STAFF_TIMEZONE) : ALWAYS_STAFFED),
  };
  const languageConfig = recognizerSettings(config);
  const recognizer = createRecognizer(languageConfig, { keywords: catalogKeywords(products) }, (msg, fields) => log.info(msg, fields));
  const backend = languageConfig.openai ? 'openai' : languageConfig.luis ? 'luis' : 'local';
  const refreshSegmentGroups = async () => {
    const groups = await customerGroups(store);
    live.change((target) => target.setCustomerGroups(groups));
  };
  const recommender: RecommenderUpdater & CatalogIndexUpdater = {
    addOrder: (order) => live.change((target) => target.addOrder(order)),
    updateSegmentLabels: async (changed) => {
      const groups = await changedGroups(store, changed);
      live.change((target) => target.setCustomerGroups(groups));
    },
    upsertProducts: (products) => live.change((target) => { for (const product of products) target.upsertProduct(product); }),
  };
  // The recognizer's product keywords are built once above: a new product's words reach it only after a restart.
  return { services, recognizer, backend, refreshSegmentGroups, recommender, rebuildRecommender: () => live.rebuild() };
}
