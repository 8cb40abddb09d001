import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseOptions } from '../../loadtest/parseOptions.ts';

describe('parseOptions', () => {
  it('reads bots, duration, ramp and scenario', () => {
    const argv = ['--bots', '1000', '--duration', '60', '--ramp', '30', '--scenario', 'solo'];

    const options = parseOptions(argv);

    assert.deepEqual(
      [options.bots, options.durationS, options.rampS, options.scenario.name],
      [1000, 60, 30, 'solo'],
    );
  });

  it('turns JSON progress lines on with --progress-json and leaves them off by default', () => {
    const flags = [parseOptions(['--progress-json']), parseOptions([])].map((o) => o.progressJson);

    assert.deepEqual(flags, [true, false]);
  });

  it('refuses a server that is not on this machine', () => {
    assert.throws(() => parseOptions(['--url', 'http://example.com:2567']), /127\.0\.0\.1/);
  });

  it('refuses a bot count outside its bounds', () => {
    assert.throws(() => parseOptions(['--bots', '0']), /--bots must be an integer/);
  });

  it('refuses an unknown scenario and names the known ones', () => {
    assert.throws(() => parseOptions(['--scenario', 'raid']), /coop, solo, flaky/);
  });
});
