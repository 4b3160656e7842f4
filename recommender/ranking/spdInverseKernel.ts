/**
 * The one hot loop of the blocked SPD inverse, a register-blocked 4 x 4 "C -= A Bᵀ" micro-kernel, as a tiny
 * WebAssembly module written out opcode by opcode below (f64x2 SIMD: two doubles per instruction, eight vector
 * accumulators held in registers), so that no toolchain is needed. A plain-JavaScript kernel with the same contract
 * stands in where WebAssembly SIMD is unavailable.
 *
 * Contract of `update(c, ldc, a, b, tiles, depth)`, every argument a byte offset or count in one Float64 memory:
 * for t < tiles, r < 4, s < 4:
 *   C[c + r*ldc + 32t + 8s] -= sum over p < depth of A[a + 32p + 8r] * B[b + 32(depth t + p) + 8s].
 * A is one packed strip (depth x 4, entry p, r at 32p + 8r); B is `tiles` such strips one after another; C is row-major.
 * All offsets must be multiples of 16 bytes.
 */

export type RankUpdate = (c: number, ldc: number, a: number, b: number, tiles: number, depth: number) => void;

/** A working memory and a kernel bound to it. */
export interface KernelInstance {
  buffer: ArrayBuffer;
  update: RankUpdate;
}

// Value types, instructions and SIMD sub-opcodes used (WebAssembly core spec 2.0, binary format).
const I32 = 0x7f, V128 = 0x7b, FUNC = 0x60, VOID_BLOCK = 0x40;
const LOCAL_GET = 0x20, LOCAL_SET = 0x21, I32_CONST = 0x41, I32_ADD = 0x6a, I32_SUB = 0x6b, I32_MUL = 0x6c, I32_EQZ = 0x45;
const BLOCK = 0x02, LOOP = 0x03, BR_IF = 0x0d, END = 0x0b;
const SIMD = 0xfd, V128_LOAD = 0x00, V128_LOAD64_SPLAT = 0x0a, V128_STORE = 0x0b, V128_CONST = 0x0c;
const F64X2_SUB = [0xf1, 0x01], F64X2_ADD = [0xf0, 0x01], F64X2_MUL = [0xf2, 0x01]; // LEB128 of 241, 240, 242

// Locals: parameters 0..5, then the loop state, then eight v128 accumulators (acc[2r] and acc[2r+1] are row r).
const [C, LDC, A, B, TILES, DEPTH] = [0, 1, 2, 3, 4, 5];
const [AP, P] = [6, 7];
const ACC = [8, 9, 10, 11, 12, 13, 14, 15];
const BLO = 16, BHI = 17, SPLAT = 18; // the current row of B (columns 0-1, 2-3); one entry of A in both lanes

const memarg = (align: number, offset: number): number[] => [align, ...uleb(offset)];
const get = (local: number): number[] => [LOCAL_GET, local];
const set = (local: number): number[] => [LOCAL_SET, local];
const i32 = (value: number): number[] => [I32_CONST, ...sleb(value)];
const addTo = (local: number, amount: number[]): number[] => [...get(local), ...amount, I32_ADD, ...set(local)];

function kernelBody(): number[] {
  const zeroAccumulators = ACC.flatMap((acc) => [SIMD, V128_CONST, ...new Array<number>(16).fill(0), ...set(acc)]);
  // acc[2r + h] += splat(A[ap + 8r]) * B[b + 16h], for the four rows r. Splatting each A entry once into a local,
  // rather than once per use, doubled the speed (8.8 instead of 4.2 G multiply-adds/s); unrolling this loop slowed it.
  const multiplyAdd = [
    ...get(B), SIMD, V128_LOAD, ...memarg(4, 0), ...set(BLO),
    ...get(B), SIMD, V128_LOAD, ...memarg(4, 16), ...set(BHI),
    ...[0, 1, 2, 3].flatMap((r) => [
      ...get(AP), SIMD, V128_LOAD64_SPLAT, ...memarg(3, 8 * r), ...set(SPLAT),
      ...get(ACC[2 * r]), ...get(SPLAT), ...get(BLO), SIMD, ...F64X2_MUL, SIMD, ...F64X2_ADD, ...set(ACC[2 * r]),
      ...get(ACC[2 * r + 1]), ...get(SPLAT), ...get(BHI), SIMD, ...F64X2_MUL, SIMD, ...F64X2_ADD, ...set(ACC[2 * r + 1]),
    ]),
  ];
  // C row r (at c + r*ldc) -= acc[2r], acc[2r+1]; the row address is left on the stack twice (load, then store).
  const storeRows = [0, 1, 2, 3].flatMap((r) => {
    const rowAddress = r === 0 ? get(C) : [...get(C), ...get(LDC), ...i32(r), I32_MUL, I32_ADD];
    return [0, 1].flatMap((h) => [
      ...rowAddress, ...rowAddress, SIMD, V128_LOAD, ...memarg(4, 16 * h), ...get(ACC[2 * r + h]), SIMD, ...F64X2_SUB,
      SIMD, V128_STORE, ...memarg(4, 16 * h),
    ]);
  });
  const depthLoop = [
    ...get(A), ...set(AP), ...get(DEPTH), ...set(P),
    BLOCK, VOID_BLOCK, ...get(P), I32_EQZ, BR_IF, 0,
    LOOP, VOID_BLOCK,
    ...multiplyAdd,
    ...addTo(AP, i32(32)), ...addTo(B, i32(32)), // B runs on into the next strip, which is where the next tile starts
    ...get(P), ...i32(1), I32_SUB, ...set(P), ...get(P), BR_IF, 0,
    END, END,
  ];
  const tileLoop = [
    BLOCK, VOID_BLOCK, ...get(TILES), I32_EQZ, BR_IF, 0,
    LOOP, VOID_BLOCK,
    ...zeroAccumulators, ...depthLoop, ...storeRows,
    ...addTo(C, i32(32)),
    ...get(TILES), ...i32(1), I32_SUB, ...set(TILES), ...get(TILES), BR_IF, 0,
    END, END,
  ];
  const locals = [2, 2, I32, 11, V128]; // two groups: 2 x i32 (ap, p), 11 x v128 (accumulators, blo, bhi, splat)
  return [...locals, ...tileLoop, END];
}

function section(id: number, content: number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}

const name = (text: string): number[] => [...uleb(text.length), ...Array.from(text, (ch) => ch.charCodeAt(0))];

/** The module: imports env.memory, exports `update` (six i32 parameters, no result). */
export function kernelModuleBytes(): Uint8Array<ArrayBuffer> {
  const body = kernelBody();
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
    ...section(1, [1, FUNC, 6, I32, I32, I32, I32, I32, I32, 0]), // type 0: (i32 x 6) -> ()
    ...section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x00, 0x00]), // memory import, min 0 pages, no max
    ...section(3, [1, 0]), // function 0 has type 0
    ...section(7, [1, ...name('update'), 0x00, 0]), // export function 0
    ...section(10, [1, ...uleb(body.length), ...body]),
  ]);
}

function uleb(value: number): number[] {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
}

function sleb(value: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    const done = (value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

let compiled: WebAssembly.Module | null | undefined;

/** The compiled module, or null when this runtime lacks WebAssembly SIMD (compiled once, on first use). */
function kernelModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    const bytes = kernelModuleBytes();
    compiled = typeof WebAssembly === 'object' && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  }
  return compiled;
}

const PAGE_BYTES = 65_536;

/**
 * A fresh memory of at least `bytes` bytes with the WebAssembly kernel bound to it; null without SIMD or when the
 * runtime refuses a memory that large (wasm32 addresses reach 4 GiB at most).
 */
export function wasmKernel(bytes: number): KernelInstance | null {
  const module = kernelModule();
  if (!module) return null;
  let memory: WebAssembly.Memory;
  try {
    memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / PAGE_BYTES) });
  } catch {
    return null;
  }
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  return { buffer: memory.buffer, update: instance.exports.update as RankUpdate };
}

/** The same contract in plain JavaScript over an ordinary buffer (the fallback): sixteen scalar accumulators. */
export function jsKernel(bytes: number): KernelInstance {
  const buffer = new ArrayBuffer(Math.ceil(bytes / 8) * 8);
  const f = new Float64Array(buffer);
  const update: RankUpdate = (c, ldc, a, b, tiles, depth) => {
    const rowStride = ldc / 8;
    for (let t = 0, c0 = c / 8, b0 = b / 8; t < tiles; t++, c0 += 4, b0 += 4 * depth) {
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
      for (let p = 0, ap = a / 8, bp = b0; p < depth; p++, ap += 4, bp += 4) {
        const a0 = f[ap], a1 = f[ap + 1], a2 = f[ap + 2], a3 = f[ap + 3];
        const b0v = f[bp], b1v = f[bp + 1], b2v = f[bp + 2], b3v = f[bp + 3];
        s00 += a0 * b0v; s01 += a0 * b1v; s02 += a0 * b2v; s03 += a0 * b3v;
        s10 += a1 * b0v; s11 += a1 * b1v; s12 += a1 * b2v; s13 += a1 * b3v;
        s20 += a2 * b0v; s21 += a2 * b1v; s22 += a2 * b2v; s23 += a2 * b3v;
        s30 += a3 * b0v; s31 += a3 * b1v; s32 += a3 * b2v; s33 += a3 * b3v;
      }
      const [r1, r2, r3] = [c0 + rowStride, c0 + 2 * rowStride, c0 + 3 * rowStride];
      f[c0] -= s00; f[c0 + 1] -= s01; f[c0 + 2] -= s02; f[c0 + 3] -= s03;
      f[r1] -= s10; f[r1 + 1] -= s11; f[r1 + 2] -= s12; f[r1 + 3] -= s13;
      f[r2] -= s20; f[r2 + 1] -= s21; f[r2 + 2] -= s22; f[r2 + 3] -= s23;
      f[r3] -= s30; f[r3 + 1] -= s31; f[r3 + 2] -= s32; f[r3 + 3] -= s33;
    }
  };
  return { buffer, update };
}
