/** The campaign ports' contract against the lowdb file (a real file in a temp folder) and PostgreSQL. */
import { postgresSuite } from '../support/postgres';
import { campaignContract, lowdbCampaignFactory, postgresCampaignFactory } from './contracts/campaigns';

describe('lowdb campaign store', () => campaignContract(() => lowdbCampaignFactory));

const pg = postgresSuite('campaignStore.contract.test');
pg.describe('PostgreSQL campaign store', () => campaignContract(() => postgresCampaignFactory(pg.cluster)));
