/** Every console port's contract, against the lowdb console store (a real file in a temp folder) and PostgreSQL. */
import { postgresSuite } from '../support/postgres';
import { handoffContract } from './contracts/consoleHandoffs';
import { lowdbConsoleFactory, postgresConsoleFactory, type ConsoleFactory } from './contracts/consoleHarness';
import { loginThrottleContract } from './contracts/consoleLoginThrottle';
import { staffContract } from './contracts/consoleStaff';
import { transcriptContract } from './contracts/consoleTranscripts';

const contracts = [transcriptContract, staffContract, handoffContract, loginThrottleContract];

function runAll(factory: () => ConsoleFactory): void {
  for (const contract of contracts) contract(factory);
}

describe('lowdb console store', () => runAll(() => lowdbConsoleFactory));

const pg = postgresSuite('console.contract.test');
pg.describe('PostgreSQL console store', () => runAll(() => postgresConsoleFactory(pg.cluster)));
