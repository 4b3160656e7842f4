/**
 * readSeedFile keeps the last validated seed of the process (data/seedFile.ts): a second read of the same bytes must
 * give exactly what a full read and validation gives, as the caller's own copy; other bytes are read in full.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DEFAULT_SEED_PATH, readSeedFile, SeedFileError } from '../../data/seedFile';
import { StoreDataSchema, type StoreData } from '../../data/storeSchema';

/** The plain path: the file's JSON through the store schema, no memo involved. */
const validated = (text: string): StoreData => StoreDataSchema.parse(JSON.parse(text));

/** A small seed with what a JSON round trip could lose: keys zod strips. */
function smallSeed(price: number | string, extra: Record<string, unknown> = {}): string {
  return `{"version":1,"customers":[],"orders":[],"segments":[],"locks":{},"unknown":true,"products":[{"id":"p1","name":"Mug",`
    + `"category":"kitchen","price":${price},"currency":"GBP","tags":["a"],"inStock":true,"note":"stripped"${
      Object.entries(extra).map(([k, v]) => `,"${k}":${JSON.stringify(v)}`).join('')}}]}`;
}

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'seed-memo-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });
afterEach(() => { jest.restoreAllMocks(); });

it('reads the committed seed again without validating it again, exactly as the full read, as a copy of its own', async () => {
  const plain = validated(gunzipSync(readFileSync(DEFAULT_SEED_PATH)).toString('utf8'));
  const validations = jest.spyOn(StoreDataSchema, 'safeParse');
  const first = await readSeedFile(DEFAULT_SEED_PATH);
  const callsAfterFirst = validations.mock.calls.length;
  first.products[0].name = 'changed by the first caller';
  first.orders.pop();
  const second = await readSeedFile(DEFAULT_SEED_PATH);
  expect(validations.mock.calls.length).toBe(callsAfterFirst); // served from the memo
  expect(second).toEqual(plain);
  expect(await readSeedFile(DEFAULT_SEED_PATH)).not.toBe(second);
});

it('gives back what zod gives (unknown keys stripped) and reads a changed file at the same path in full', async () => {
  const path = join(dir, 'seed.json');
  await writeFile(path, smallSeed(2.5));
  const first = await readSeedFile(path);
  expect(first).toEqual(validated(smallSeed(2.5)));
  expect(first.products[0]).not.toHaveProperty('note');
  expect(await readSeedFile(path)).toEqual(first);
  await writeFile(path, smallSeed(3.5));
  expect((await readSeedFile(path)).products[0].price).toBe(3.5);
});

it('keeps a -0 a -0 on every read', async () => {
  const path = join(dir, 'negative-zero.json');
  await writeFile(path, smallSeed('-0'));
  for (let read = 0; read < 2; read++) expect(Object.is((await readSeedFile(path)).products[0].price, -0)).toBe(true);
});

it('still refuses a bad file after a good one was kept', async () => {
  const path = join(dir, 'bad.json');
  await writeFile(path, smallSeed(1));
  await readSeedFile(path);
  await writeFile(path, smallSeed(-1));
  await expect(readSeedFile(path)).rejects.toThrow(SeedFileError);
  await expect(readSeedFile(path)).rejects.toThrow(/products/);
});
