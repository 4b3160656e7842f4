/**
 * A throwaway PostgreSQL for the test suites and the benchmarks: started from the machine's server binaries
 * (initdb + pg_ctl in a temp folder, on a free loopback port, as the `postgres` user when we run as root), or the
 * server at TEST_DATABASE_URL when set. Every `freshDatabase()` call gets its own database, so users never see each
 * other's rows. Neutral on purpose: bench/ and test/ both use it, neither imports the other.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);
const PG_ROOT = '/usr/lib/postgresql';
const RUN_AS = 'postgres';

/** The newest installed server's bin folder (PG_BIN overrides), or undefined. */
export function postgresBinFolder(): string | undefined {
  if (process.env.PG_BIN) return existsSync(join(process.env.PG_BIN, 'initdb')) ? process.env.PG_BIN : undefined;
  if (!existsSync(PG_ROOT)) return undefined;
  const versions = readdirSync(PG_ROOT).filter((v) => existsSync(join(PG_ROOT, v, 'bin', 'initdb')));
  versions.sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(PG_ROOT, versions[0], 'bin') : undefined;
}

export function postgresMissingReason(): string | null {
  if (process.env.TEST_DATABASE_URL) return null;
  if (!postgresBinFolder()) {
    const where = process.env.PG_BIN ? `in PG_BIN=${process.env.PG_BIN}` : `under ${PG_ROOT}`;
    return `no PostgreSQL server binaries ${where} and no TEST_DATABASE_URL (apt-get install -y postgresql); PostgreSQL tests skipped`;
  }
  if (isRoot() && !hasUser(RUN_AS)) return `running as root without a "${RUN_AS}" user to run the server; PostgreSQL tests skipped`;
  return null;
}

export interface TestCluster {
  /** A URL to the server's maintenance database, for CREATE DATABASE. */
  adminUrl: string;
  /** Creates an empty database with a unique name and returns its URL. */
  freshDatabase(): Promise<string>;
  /** Stops and starts the server again, keeping its data (outage tests); undefined on a TEST_DATABASE_URL server. */
  outage?: { stopServer(): Promise<void>; startServer(): Promise<void> };
  stop(): Promise<void>;
}

/** `extraServerOptions`: more `-c name=value` settings, e.g. to load pg_stat_statements for a measurement. */
export async function startTestCluster(extraServerOptions = ''): Promise<TestCluster> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) return clusterAt(given, async () => undefined);
  const bin = postgresBinFolder();
  if (!bin) throw new Error('no PostgreSQL binaries');
  const dir = await mkdtemp(join(tmpdir(), 'pg-test-'));
  const asUser = isRoot();
  if (asUser) await chown(dir, uidOf(RUN_AS), gidOf(RUN_AS));
  const port = await freePort();
  const data = join(dir, 'data');
  const shell = async (command: string): Promise<void> => {
    if (asUser) await run('su', [RUN_AS, '-s', '/bin/sh', '-c', command], { cwd: dir });
    else await run('/bin/sh', ['-c', command], { cwd: dir });
  };
  await shell(`${bin}/initdb -D ${data} -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >${dir}/initdb.log 2>&1`);
  // Durability settings off: a test server never survives its suite, and fsync per commit is slow here.
  const serverOptions = `-p ${port} -h 127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100 ${extraServerOptions}`;
  const startServer = () => shell(`${bin}/pg_ctl -D ${data} -l ${dir}/server.log -w -t 60 -o "${serverOptions}" start >/dev/null`);
  // Fast (clean) shutdown for outages: with fsync and synchronous_commit off an immediate stop may lose recent commits.
  const stopServer = () => shell(`${bin}/pg_ctl -D ${data} -m fast -w stop >/dev/null 2>&1`);
  await startServer();
  const cluster = clusterAt(`postgres://postgres@127.0.0.1:${port}/postgres`, async () => {
    await shell(`${bin}/pg_ctl -D ${data} -m immediate -w stop >/dev/null 2>&1`).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  });
  return { ...cluster, outage: { stopServer, startServer } };
}

/**
 * A cluster view on a server someone else runs and stops (the jest run's shared server, see test/support): its
 * `stop()` drops the databases it created and leaves the server running.
 */
export function sharedTestCluster(adminUrl: string): TestCluster {
  return clusterAt(adminUrl, async () => undefined, true);
}

function clusterAt(adminUrl: string, stopServer: () => Promise<void>, dropOnStop = !!process.env.TEST_DATABASE_URL): TestCluster {
  const created: string[] = [];
  let counter = 0;
  const withAdmin = async (sql: string): Promise<void> => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  return {
    adminUrl,
    freshDatabase: async () => {
      const name = `test_${process.pid}_${Date.now().toString(36)}_${++counter}`;
      await withAdmin(`CREATE DATABASE ${name}`);
      created.push(name);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    stop: async () => {
      // On a shared server (TEST_DATABASE_URL, the jest run's) the suite's databases are dropped; a throwaway one just goes.
      if (dropOnStop) {
        for (const name of created) await withAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      }
      await stopServer();
    },
  };
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

function passwdEntry(user: string): string[] | undefined {
  try {
    const passwd = readFileSync('/etc/passwd', 'utf8');
    return passwd.split('\n').map((line) => line.split(':')).find((fields) => fields[0] === user);
  } catch {
    return undefined;
  }
}

function hasUser(user: string): boolean {
  return passwdEntry(user) !== undefined;
}

function uidOf(user: string): number {
  return Number(passwdEntry(user)?.[2]);
}

function gidOf(user: string): number {
  return Number(passwdEntry(user)?.[3]);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
