import { FairQueue } from './fair-queue';

/** A task that runs until the test lets it finish, recording when it started. */
function gate(started: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { task: () => (started.push(name), done), finish: () => finish() };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('FairQueue', () => {
  it('lets a second caller in before the rest of a first caller’s burst', async () => {
    const queue = new FairQueue(1, 100);
    const started: string[] = [];
    const burst = ['a1', 'a2', 'a3', 'a4'].map((name) => gate(started, name));
    const other = gate(started, 'b1');
    const runs = burst.map((g) => queue.run('a', g.task));
    runs.push(queue.run('b', other.task));
    for (const g of [burst[0], other, ...burst.slice(1)]) {
      await flush();
      g.finish();
    }
    await Promise.all(runs);
    expect(started).toEqual(['a1', 'b1', 'a2', 'a3', 'a4']);
  });

  it('never runs more tasks at once than it has slots', async () => {
    const queue = new FairQueue(2, 100);
    let running = 0;
    let most = 0;
    const task = async () => {
      running += 1;
      most = Math.max(most, running);
      await flush();
      running -= 1;
    };
    await Promise.all(Array.from({ length: 12 }, (_, i) => queue.run(`caller-${i % 3}`, task)));
    expect(most).toBe(2);
  });

  it('refuses more waiting tasks per caller than allowed, and only for that caller', async () => {
    const queue = new FairQueue(1, 2);
    const started: string[] = [];
    const first = gate(started, 'a1');
    const runs = [queue.run('a', first.task), queue.run('a', async () => {}), queue.run('a', async () => {})];
    expect(queue.queued('a')).toBe(2);
    expect(queue.canAccept('a')).toBe(false);
    expect(queue.canAccept('b')).toBe(true);
    first.finish();
    await Promise.all(runs);
    expect(queue.canAccept('a')).toBe(true);
  });

  it('passes on a failed task’s error and keeps going', async () => {
    const queue = new FairQueue(1, 10);
    const failed = queue.run('a', () => Promise.reject(new Error('no')));
    const next = queue.run('a', async () => 'yes');
    await expect(failed).rejects.toThrow('no');
    await expect(next).resolves.toBe('yes');
  });
});
