/** The chunked line splitter against node:readline itself, on random text cut into random chunks. */
import fc from 'fast-check';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { textLineBatches } from '../../data/import/textLines';

function chunked(bytes: Buffer, cuts: number[]): Readable {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const cut of [...at, bytes.length]) {
    if (cut > from) chunks.push(bytes.subarray(from, cut));
    from = Math.max(from, cut);
  }
  return Readable.from(chunks, { objectMode: false });
}

async function viaReadline(stream: Readable): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) lines.push(line);
  return lines;
}

async function viaBatches(stream: Readable): Promise<string[]> {
  const lines: string[] = [];
  for await (const batch of textLineBatches(stream)) lines.push(...batch);
  return lines;
}

describe('textLineBatches', () => {
  it('splits lines exactly as readline does, whatever the chunks (CRLF across chunks, lone CR, multi-byte characters)', async () => {
    const text = fc.array(fc.constantFrom('a', 'é', '€', '\r', '\n', '\r\n', ',', '"'), { maxLength: 40 }).map((parts) => parts.join(''));
    await fc.assert(fc.asyncProperty(text, fc.array(fc.nat(200), { maxLength: 8 }), async (value, cuts) => {
      const bytes = Buffer.from(value, 'utf8');
      expect(await viaBatches(chunked(bytes, cuts))).toEqual(await viaReadline(chunked(bytes, cuts)));
    }), { numRuns: 500 });
  });

  it('hands over a large file in a few batches, not a line at a time', async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `line ${i}`);
    const batches: string[][] = [];
    for await (const batch of textLineBatches(Readable.from([Buffer.from(lines.join('\r\n') + '\r\n')], { objectMode: false }))) batches.push(batch);
    expect(batches.flat()).toEqual(lines);
    expect(batches.length).toBeLessThan(lines.length / 100);
  });
});
