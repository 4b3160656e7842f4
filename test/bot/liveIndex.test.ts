/** LiveIndex: changes land on the current index, survive a rebuild that was reading the store, and rebuilds queue. */
import { LiveIndex } from '../../bot/liveIndex';

interface FakeIndex { name: string; orders: string[] }

/** A build whose each call waits until the test releases it, so a change can be made while it "reads the store". */
function controlledBuilds(): { build: () => Promise<FakeIndex>; release: (name: string) => void; started: () => number } {
  const waiting: ((index: FakeIndex) => void)[] = [];
  let started = 0;
  return {
    build: () => new Promise((resolve) => { started++; waiting.push(resolve); }),
    release: (name) => { const next = waiting.shift(); if (!next) throw new Error('no build is waiting'); next({ name, orders: [] }); },
    started: () => started,
  };
}

const addOrder = (id: string) => (target: FakeIndex): void => { if (!target.orders.includes(id)) target.orders.push(id); };

describe('LiveIndex', () => {
  it('applies a change to the current index', async () => {
    const live = await LiveIndex.open(async () => ({ name: 'first', orders: [] } as FakeIndex));
    live.change(addOrder('o1'));
    expect(live.current()).toEqual({ name: 'first', orders: ['o1'] });
  });

  it('replays a change made during a rebuild onto the rebuilt index, and serves the old one until then', async () => {
    const builds = controlledBuilds();
    const opening = LiveIndex.open(builds.build);
    builds.release('first');
    const live = await opening;
    const rebuilding = live.rebuild();
    await Promise.resolve();
    live.change(addOrder('o2'));
    expect(live.current()).toEqual({ name: 'first', orders: ['o2'] });
    builds.release('second');
    await rebuilding;
    expect(live.current()).toEqual({ name: 'second', orders: ['o2'] });
    live.change(addOrder('o3'));
    expect(live.current().orders).toEqual(['o2', 'o3']);
  });

  it('runs rebuilds one at a time, in the order asked', async () => {
    const builds = controlledBuilds();
    const opening = LiveIndex.open(builds.build);
    builds.release('first');
    const live = await opening;
    const a = live.rebuild();
    const b = live.rebuild();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(builds.started()).toBe(2); // the opening build and the first rebuild; the second waits
    builds.release('a');
    await a;
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(builds.started()).toBe(3);
    builds.release('b');
    await b;
    expect(live.current().name).toBe('b');
  });

  it('keeps serving the old index when a rebuild fails, and the next rebuild still runs', async () => {
    let calls = 0;
    const live = await LiveIndex.open(async () => {
      calls++;
      if (calls === 2) throw new Error('store unreadable');
      return { name: `build-${calls}`, orders: [] } as FakeIndex;
    });
    await expect(live.rebuild()).rejects.toThrow('store unreadable');
    expect(live.current().name).toBe('build-1');
    await live.rebuild();
    expect(live.current().name).toBe('build-3');
  });
});
