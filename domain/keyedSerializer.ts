/**
 * Runs tasks one after another for each key (tasks on unrelated keys run concurrently). Identification uses it
 * so failures sent in parallel are all counted: a read-then-write of the attempt counter must not interleave.
 */
export class KeyedSerializer {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(keys: readonly string[], task: () => Promise<T>): Promise<T> {
    // Registration is synchronous and only waits on earlier tasks, so overlapping key sets cannot deadlock.
    const previous = keys.map((key) => this.tails.get(key));
    const result = Promise.all(previous).then(task);
    const tail = result.then(() => undefined, () => undefined);
    for (const key of keys) this.tails.set(key, tail);
    void tail.then(() => {
      for (const key of keys) if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
