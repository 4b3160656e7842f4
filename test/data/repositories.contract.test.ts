/** Every repository port's contract, against the lowdb store (a real file in a temp folder) and PostgreSQL. */
import { postgresSuite } from '../support/postgres';
import { catalogContract, customerContract, orderContract, segmentContract, typedLookupContract } from './contracts/commerce';
import { lowdbFactory, postgresFactory, type StoreFactory } from './contracts/harness';
import { auditContract, feedbackContract, feedbackTextContract, lockContract, suggestionEventContract } from './contracts/records';

const contracts = [customerContract, typedLookupContract, catalogContract, orderContract, segmentContract, feedbackContract, feedbackTextContract, suggestionEventContract, auditContract, lockContract];

function runAll(factory: () => StoreFactory): void {
  for (const contract of contracts) contract(factory);
}

describe('lowdb store', () => runAll(() => lowdbFactory));

const pg = postgresSuite('repositories.contract.test');
pg.describe('PostgreSQL store', () => runAll(() => postgresFactory(pg.cluster)));
