/** The kept-fits folder (data/modelCacheFolder.ts): whole entries or none, bounded, never a crash. */
import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModelCacheFolder } from '../../data/modelCacheFolder';
import { Fingerprint, packModel, unpackModel } from '../../domain/modelCache';

const key = (n: number): string => new Fingerprint('ease').text(String(n)).key();
const warningsOf = () => {
  const warnings: string[] = [];
  return { warnings, log: { warn: (msg: string) => { warnings.push(msg); } } };
};

describe('the folder of kept fits', () => {
  it('gives back exactly the bytes kept, and nothing for a key never kept', () => {
    const { warnings, log } = warningsOf();
    const folder = new ModelCacheFolder(join(mkdtempSync(join(tmpdir(), 'models-')), 'nested', 'models'), log);
    const bytes = Uint8Array.from({ length: 1000 }, (_, n) => (n * 7) % 256);
    folder.set(key(1), bytes);
    expect(Buffer.from(folder.get(key(1)) ?? []).equals(Buffer.from(bytes))).toBe(true);
    expect(folder.get(key(2))).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it('keeps only the most recently used entries, a restored one counting as used', () => {
    const dir = mkdtempSync(join(tmpdir(), 'models-'));
    const folder = new ModelCacheFolder(dir, warningsOf().log, 3);
    writeFileSync(join(dir, 'notes.model'), 'a file of someone else sharing the folder');
    utimesSync(join(dir, 'notes.model'), 1, 1);
    const abandoned = `${key(9)}.model.4242.0badf00d.tmp`; // written aside by a process that died before renaming it
    for (const name of [abandoned, 'upload.tmp']) {
      writeFileSync(join(dir, name), 'half');
      utimesSync(join(dir, name), 1, 1);
    }
    const past = Date.now() / 1000 - 1000;
    for (let n = 0; n < 3; n++) {
      folder.set(key(n), new Uint8Array([n]));
      const [file] = readdirSync(dir).filter((name) => name.startsWith(key(n)));
      utimesSync(join(dir, file), past + n, past + n); // written in the order 0, 1, 2
    }
    expect(folder.get(key(0))).toEqual(Buffer.from([0])); // 0 is used again: 1 is now the least recently used
    folder.set(key(3), new Uint8Array([3]));
    expect(readdirSync(dir).filter((name) => /^ease-/.test(name))).toHaveLength(3);
    expect(readdirSync(dir)).toContain('notes.model'); // not an entry's name: never removed
    expect(readdirSync(dir)).toContain('upload.tmp');
    expect(readdirSync(dir)).not.toContain(abandoned);
    expect(folder.get(key(1))).toBeUndefined();
    for (const n of [0, 2, 3]) expect(folder.get(key(n))).toEqual(Buffer.from([n]));
  });

  it('warns and goes on when the folder cannot be written or an entry is torn', () => {
    const { warnings, log } = warningsOf();
    const blocker = join(mkdtempSync(join(tmpdir(), 'models-')), 'a-file');
    writeFileSync(blocker, 'not a folder');
    const blocked = new ModelCacheFolder(join(blocker, 'models'), log);
    expect(() => blocked.set(key(1), new Uint8Array([1]))).not.toThrow();
    expect(blocked.get(key(1))).toBeUndefined();
    expect(warnings).toEqual(['fitted model not kept']);
    const dir = mkdtempSync(join(tmpdir(), 'models-'));
    const folder = new ModelCacheFolder(dir, log);
    folder.set(key(5), new Uint8Array(64).fill(5));
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file), Buffer.from('MODELv1\n')); // cut short
    expect(folder.get(key(5))).toBeUndefined();
    expect(warnings).toEqual(['fitted model not kept', 'kept model corrupt, fitting again']);
    expect(readdirSync(dir)).toEqual([]); // the torn entry is gone, the next fit keeps a whole one
  });

  it('refuses a key that is not a fingerprint (no path can be smuggled in)', () => {
    const folder = new ModelCacheFolder(mkdtempSync(join(tmpdir(), 'models-')), warningsOf().log);
    expect(() => folder.get('../../etc/passwd')).toThrow(/not a model key/);
  });
});

describe('packed models', () => {
  it('come back bit for bit, from any offset of a larger buffer, -0, NaN and infinities included', () => {
    const meta = { weights: { a: -0, b: Number.NaN, c: Number.POSITIVE_INFINITY, d: 0.1 + 0.2 }, names: ['x', 'y'], none: null };
    const arrays = { f64: Float64Array.of(-0, Math.PI, Number.MIN_VALUE), f32: Float32Array.of(1.5, -2.25, 3), i32: Int32Array.of(-1, 7) };
    const packed = packModel({ meta, arrays });
    const shifted = Buffer.alloc(packed.length + 3);
    shifted.set(packed, 3);
    const { meta: back, arrays: restored } = unpackModel(shifted.subarray(3));
    expect(back).toEqual(meta);
    expect(Object.is((back as typeof meta).weights.a, -0)).toBe(true);
    for (const [name, array] of Object.entries(arrays)) {
      const again = restored[name];
      expect(again.constructor).toBe(array.constructor);
      expect(Buffer.from(again.buffer, again.byteOffset, again.byteLength).equals(Buffer.from(array.buffer))).toBe(true);
    }
  });

  it('refuse bytes they did not write', () => {
    expect(() => unpackModel(new Uint8Array([9, 9]))).toThrow();
    expect(() => unpackModel(new Uint8Array([200, 0, 0, 0, 0x7b]))).toThrow(/past the end/);
    const lying = packModel({ meta: 1, arrays: { a: new Float64Array(4) } }).subarray(0, 20);
    expect(() => unpackModel(lying)).toThrow();
  });

  it('have keys that change with every input and with the fit version kind', () => {
    const base = new Fingerprint('blend').text('a').ints(Int32Array.of(1, 2)).key();
    expect(new Fingerprint('blend').text('a').ints(Int32Array.of(1, 2)).key()).toBe(base);
    expect(new Fingerprint('ease').text('a').ints(Int32Array.of(1, 2)).key()).not.toBe(base);
    expect(new Fingerprint('blend').text('a').ints(Int32Array.of(1, 3)).key()).not.toBe(base);
    // Parts are length-prefixed: "ab"+"c" is not "a"+"bc".
    expect(new Fingerprint('blend').text('ab').text('c').key()).not.toBe(new Fingerprint('blend').text('a').text('bc').key());
  });
});
