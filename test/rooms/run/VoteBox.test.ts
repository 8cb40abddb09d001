import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { VoteBox, type Scheduler } from '../../../src/rooms/run/VoteBox.ts';

function makeVoteBox() {
  const decisions: Array<[string, string]> = [];
  const timers: Array<() => void> = [];
  const schedule: Scheduler = (callback) => {
    timers.push(callback);
    return () => timers.splice(timers.indexOf(callback), 1);
  };
  const box = new VoteBox(schedule, 1_000, (topic, choice) => decisions.push([topic, choice]));
  const fireTimers = () => [...timers].forEach((fire) => fire());
  return { box, decisions, fireTimers, timers };
}

const THREE_PRESENT = { presentVoterIds: ['host', 'ann', 'bob'], hostId: 'host' };

describe('VoteBox', () => {
  it('decides at once when the only voter present casts a ballot', () => {
    const { box, decisions } = makeVoteBox();

    const isDecided = box.cast('card', 'host', 'c1', { presentVoterIds: ['host'], hostId: 'host' });

    assert.equal(isDecided, true);
    assert.deepEqual(decisions, [['card', 'c1']]);
  });

  it('waits for a majority of the voters present', () => {
    const { box, decisions } = makeVoteBox();

    box.cast('card', 'ann', 'c1', THREE_PRESENT);
    box.cast('card', 'bob', 'c1', THREE_PRESENT);

    assert.deepEqual(decisions, [['card', 'c1']]);
  });

  it('keeps a split vote open', () => {
    const { box, decisions } = makeVoteBox();

    box.cast('card', 'ann', 'c1', THREE_PRESENT);
    box.cast('card', 'bob', 'c2', THREE_PRESENT);

    assert.deepEqual(decisions, []);
    assert.equal(box.ballotCount('card'), 2);
  });

  it('gives the host choice when the timer runs out', () => {
    const { box, decisions, fireTimers } = makeVoteBox();
    box.cast('card', 'ann', 'c1', THREE_PRESENT);
    box.cast('card', 'host', 'c2', THREE_PRESENT);

    fireTimers();

    assert.deepEqual(decisions, [['card', 'c2']]);
  });

  it('falls back to the first offer when the host did not vote', () => {
    const { box, decisions, fireTimers } = makeVoteBox();
    box.cast('card', 'ann', 'c3', THREE_PRESENT, 'c1');

    fireTimers();

    assert.deepEqual(decisions, [['card', 'c1']]);
  });

  it('cancels open votes and their timers when cleared', () => {
    const { box, decisions, timers } = makeVoteBox();
    box.cast('advance', 'ann', 'yes', THREE_PRESENT);

    box.clear();

    assert.equal(timers.length, 0);
    assert.deepEqual(decisions, []);
  });
});
