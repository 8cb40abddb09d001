import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TurnQueue } from '../../../src/services/gacha/TurnQueue.ts';

/** A task that stays pending until `finish` is called, recording when it started. */
function heldTask(started: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<string>((resolve) => {
    finish = () => resolve(name);
  });
  return { task: () => (started.push(name), done), finish: () => finish() };
}

const queue = (maxWaitMs = 10_000) => new TurnQueue({ maxPending: 3, maxWaitMs, noun: 'tasks' });

describe('TurnQueue', () => {
  it('runs one key\'s tasks one at a time, in arrival order', async () => {
    const turns = queue();
    const started: string[] = [];
    const [a, b] = [heldTask(started, 'a'), heldTask(started, 'b')];

    const results = [turns.run('p1', a.task), turns.run('p1', b.task)];
    await new Promise(setImmediate);

    assert.deepEqual(started, ['a']);
    a.finish();
    assert.equal(await results[0], 'a');
    b.finish();
    assert.equal(await results[1], 'b');
    assert.deepEqual(started, ['a', 'b']);
  });

  it('runs the tasks of different keys side by side', async () => {
    const turns = queue();
    const started: string[] = [];
    const [a, b] = [heldTask(started, 'a'), heldTask(started, 'b')];

    const results = [turns.run('p1', a.task), turns.run('p2', b.task)];
    b.finish();

    assert.equal(await results[1], 'b');
    assert.deepEqual(started, ['a', 'b']);
    a.finish();
    await results[0];
  });

  it('refuses a task past maxPending with RATE_LIMITED and a retry hint', async () => {
    const turns = queue();
    const held = heldTask([], 'held');
    const accepted = [1, 2, 3].map(() => turns.run('p1', held.task));

    const refused = turns.run('p1', held.task);

    await assert.rejects(refused, { code: 'RATE_LIMITED', details: { retryAfterS: 1 } });
    held.finish();
    await Promise.all(accepted);
  });

  it('gives up a turn that does not come in time, unrun, with UNAVAILABLE', async () => {
    const turns = queue(30);
    const started: string[] = [];
    const [stuck, late, next] = ['stuck', 'late', 'next'].map((name) => heldTask(started, name));
    const first = turns.run('p1', stuck!.task);
    const second = turns.run('p1', late!.task);

    await assert.rejects(second, { code: 'UNAVAILABLE' });
    stuck!.finish();
    await first;
    const third = turns.run('p1', next!.task);
    next!.finish();

    assert.equal(await third, 'next');
    assert.deepEqual(started, ['stuck', 'next']);
  });
});
