/**
 * JSON.stringify of a large document in slices that give the event loop back in between, so rewriting a snapshot
 * of tens of megabytes no longer stalls every turn for the whole serialisation (it did, ~0.9 s at 50 MB).
 * The document's top-level values that are arrays or objects are serialised one element at a time; each element is
 * serialised whole (synchronously), so it is never seen half-changed. Elements may change between slices: that is
 * only safe for a snapshot whose every change is also journaled after it (lowdb/keyedJournal.ts), which is where it
 * is used. The text equals JSON.stringify(value) for plain JSON data.
 */
const SLICE_MS = 8;

const isContainer = (v: unknown): v is Record<string, unknown> | unknown[] =>
  typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON !== 'function';

export async function stringifyInSlices(value: unknown, sliceMs = SLICE_MS): Promise<string> {
  if (!isContainer(value)) return JSON.stringify(value);
  const parts: string[] = [];
  let sliceStart = performance.now();
  const maybeYield = async () => {
    if (performance.now() - sliceStart < sliceMs) return;
    await new Promise((resolve) => setImmediate(resolve));
    sliceStart = performance.now();
  };
  const children = async (container: Record<string, unknown> | unknown[]) => {
    if (Array.isArray(container)) {
      parts.push('[');
      for (let i = 0; i < container.length; i++) {
        if (i > 0) parts.push(',');
        // As JSON.stringify: undefined and functions in arrays become null.
        parts.push(JSON.stringify(container[i]) ?? 'null');
        await maybeYield();
      }
      parts.push(']');
      return;
    }
    parts.push('{');
    let first = true;
    for (const key of Object.keys(container)) {
      const text = JSON.stringify(container[key]);
      if (text === undefined) continue;
      parts.push(`${first ? '' : ','}${JSON.stringify(key)}:${text}`);
      first = false;
      await maybeYield();
    }
    parts.push('}');
  };
  if (Array.isArray(value)) {
    await children(value);
    return parts.join('');
  }
  parts.push('{');
  let first = true;
  for (const key of Object.keys(value)) {
    const child = value[key];
    if (isContainer(child)) {
      parts.push(`${first ? '' : ','}${JSON.stringify(key)}:`);
      await children(child);
    } else {
      const text = JSON.stringify(child);
      if (text === undefined) continue;
      parts.push(`${first ? '' : ','}${JSON.stringify(key)}:${text}`);
    }
    first = false;
  }
  parts.push('}');
  return parts.join('');
}
