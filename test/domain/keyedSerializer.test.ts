import { KeyedSerializer } from '../../domain/keyedSerializer';

/** A task that records when it starts and finishes only when released. */
function gatedTask(log: string[], name: string) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => { release = resolve; });
  return {
    run: async () => { log.push(`start ${name}`); await gate; log.push(`end ${name}`); return name; },
    release: () => release(),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('KeyedSerializer', () => {
  it.each([
    ['the same key', ['a'], ['a'], ['start 1', 'end 1', 'start 2']],
    ['overlapping keys', ['a', 'b'], ['b', 'c'], ['start 1', 'end 1', 'start 2']],
    ['unrelated keys', ['a'], ['b'], ['start 1', 'start 2', 'end 1']],
  ])('tasks on %s', async (_name, firstKeys, secondKeys, expected) => {
    const serializer = new KeyedSerializer();
    const log: string[] = [];
    const first = gatedTask(log, '1');
    const second = gatedTask(log, '2');
    const results = [serializer.run(firstKeys, first.run), serializer.run(secondKeys, second.run)];
    await settle();
    first.release();
    await settle();
    expect(log).toEqual(expected);
    second.release();
    expect(await Promise.all(results)).toEqual(['1', '2']);
  });

  it('runs the next task after one that failed, and passes the failure to its caller only', async () => {
    const serializer = new KeyedSerializer();
    const failed = serializer.run(['a'], () => Promise.reject(new Error('boom')));
    const next = serializer.run(['a'], async () => 'next');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
  });
});
