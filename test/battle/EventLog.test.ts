import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  EVENT_SLOTS,
  EventLog,
  actionCode,
  damageCode,
  healCode,
} from '../../src/battle/EventLog.ts';
import { ACTION_KINDS, DAMAGE_CAUSES, HEAL_CAUSES } from '../../src/battle/types.ts';

/** Type code of `dodged`: its place among the event types. */
const DODGED = 2;

describe('EventLog', () => {
  it('codes every enum field by its place in its list', () => {
    const codes = [
      ACTION_KINDS.map(actionCode),
      DAMAGE_CAUSES.map(damageCode),
      HEAL_CAUSES.map(healCode),
    ];

    assert.deepEqual(codes, [
      ACTION_KINDS.map((_, i) => i),
      DAMAGE_CAUSES.map((_, i) => i),
      HEAL_CAUSES.map((_, i) => i),
    ]);
  });

  it('decodes events across its chunks in order', () => {
    const log = new EventLog();

    for (let i = 0; i < 600; i++) log.dodged(i, i + 1);

    assert.equal(log.length, 600);
    assert.deepEqual(log.at(255), { type: 'dodged', source: 255, target: 256 });
    assert.deepEqual(log.at(256), { type: 'dodged', source: 256, target: 257 });
    assert.deepEqual(log.at(599), { type: 'dodged', source: 599, target: 600 });
  });

  it('hashes its chunks as one contiguous run of records', () => {
    const log = new EventLog();
    const records = new Float64Array(600 * EVENT_SLOTS);

    for (let i = 0; i < 600; i++) {
      log.dodged(i, i + 1);
      records.set([DODGED, i, i + 1], i * EVENT_SLOTS);
    }

    const expected = createHash('sha256').update(new Uint8Array(records.buffer)).update('');
    assert.equal(log.hash(), expected.digest('hex'));
  });

  it('refuses reads once released', () => {
    const log = new EventLog();
    log.dodged(1, 2);
    log.at(0);

    log.release();

    assert.throws(() => log.at(0), /released/);
    assert.throws(() => log.hash(), /released/);
  });

  it('lets a later log reuse released chunks, unseen by the released one', () => {
    const released = new EventLog();
    for (let i = 0; i < 600; i++) released.shielded(-i, -i, -i);
    released.release();
    const records = new Float64Array(600 * EVENT_SLOTS);

    const log = new EventLog();
    for (let i = 0; i < 600; i++) {
      log.dodged(i, i + 1);
      released.dodged(-1, -1);
      records.set([DODGED, i, i + 1], i * EVENT_SLOTS);
    }

    const expected = createHash('sha256').update(new Uint8Array(records.buffer)).update('');
    assert.equal(log.hash(), expected.digest('hex'));
    assert.deepEqual(log.at(599), { type: 'dodged', source: 599, target: 600 });
  });
});
