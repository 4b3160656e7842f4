/**
 * Many growing lists of integers in one Int32Array: list l holds data[start(l) .. start(l) + length(l)), oldest first.
 * A request reads a list as one contiguous run, with no per-list object to reach first (an array of arrays costs a
 * pointer chase and a likely cache miss per list, and the customers-like-you loops read thousands of lists).
 * A full list moves to the end of the buffer with twice the room; when the buffer is full it is rebuilt with the lists
 * back to back (dropping the space moved-out lists left behind), at least twice as large as what they hold.
 */
export class PackedLists {
  private buffer = new Int32Array(1024);
  /** End of the buffer's used part (lists and the holes they left when they moved). */
  private used = 0;
  /** Sum of the lists' rooms: what a rebuilt buffer must hold. */
  private reserved = 0;
  private starts = new Int32Array(64);
  private lengths = new Int32Array(64);
  private rooms = new Int32Array(64);
  private count = 0;

  /** Number of lists. */
  get size(): number {
    return this.count;
  }

  /** The buffer every list lives in; valid until the next `push` (a push may move or replace it). */
  get data(): Int32Array {
    return this.buffer;
  }

  start(list: number): number {
    return this.starts[list];
  }

  length(list: number): number {
    return this.lengths[list];
  }

  /** Adds empty lists until `list` exists. */
  ensure(list: number): void {
    if (list < this.count) return;
    if (list >= this.starts.length) {
      const size = Math.max(list + 1, this.starts.length * 2);
      this.starts = grownInt32(this.starts, size);
      this.lengths = grownInt32(this.lengths, size);
      this.rooms = grownInt32(this.rooms, size);
    }
    this.count = list + 1;
  }

  /** Appends `value` to list `list` (created when missing). */
  push(list: number, value: number): void {
    if (list >= this.count) this.ensure(list);
    if (this.lengths[list] === this.rooms[list]) this.move(list, Math.max(4, this.rooms[list] * 2));
    this.buffer[this.starts[list] + this.lengths[list]] = value;
    this.lengths[list]++;
  }

  /** Moves `list` to the end of the used part with `room` slots. */
  private move(list: number, room: number): void {
    if (this.used + room > this.buffer.length) this.rebuild(room);
    const from = this.starts[list];
    const buffer = this.buffer;
    for (let k = 0, length = this.lengths[list]; k < length; k++) buffer[this.used + k] = buffer[from + k];
    this.reserved += room - this.rooms[list];
    this.starts[list] = this.used;
    this.rooms[list] = room;
    this.used += room;
  }

  /** A new buffer with every list back to back and room for `extra` more slots at the end. */
  private rebuild(extra: number): void {
    const next = new Int32Array(Math.max(1024, 2 * (this.reserved + extra)));
    const buffer = this.buffer;
    let at = 0;
    for (let list = 0; list < this.count; list++) {
      // Lists are short: a plain copy beats a subarray view per list.
      const from = this.starts[list];
      const length = this.lengths[list];
      for (let k = 0; k < length; k++) next[at + k] = buffer[from + k];
      this.starts[list] = at;
      at += this.rooms[list];
    }
    this.buffer = next;
    this.used = at;
  }
}

function grownInt32(array: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const copy = new Int32Array(size);
  copy.set(array);
  return copy;
}
