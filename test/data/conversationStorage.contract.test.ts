/** The dialog-state Storage contract against the lowdb state journal (real files) and PostgreSQL. */
import { postgresSuite } from '../support/postgres';
import { conversationStorageContract } from './contracts/conversationStorage';
import { lowdbFactory, postgresFactory } from './contracts/harness';

describe('lowdb store', () => conversationStorageContract(() => lowdbFactory));

const pg = postgresSuite('conversationStorage.contract.test');
pg.describe('PostgreSQL store', () => conversationStorageContract(() => postgresFactory(pg.cluster)));
