import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { integerOption, parseCommandLine, UsageError } from '../../scripts/commandLine.ts';

const OPTIONS = {
  seed: { type: 'string' },
  seconds: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** The UsageError message parseCommandLine gives for `args`. */
function refusal(args: string[]): string {
  try {
    parseCommandLine({ args, options: OPTIONS });
  } catch (error) {
    assert.ok(error instanceof UsageError, String(error));
    return error.message;
  }
  assert.fail(`parseCommandLine accepted ${args.join(' ')}`);
}

describe('parseCommandLine', () => {
  it('returns the values of a good command line', () => {
    const { values } = parseCommandLine({ args: ['--seed', '7', '--json'], options: OPTIONS });

    assert.deepEqual({ ...values }, { seed: '7', json: true });
  });

  it('names an unknown option and the one probably meant', () => {
    assert.equal(refusal(['--sed', '7']), 'Unknown option "--sed"; did you mean "--seed"?');
    assert.match(refusal(['--second', '3']), /"--second"; did you mean "--seconds"\?$/);
  });

  it('suggests nothing for an option unlike any known one', () => {
    assert.equal(refusal(['--colour']), 'Unknown option "--colour"');
  });

  it('explains how to give a value that starts with a dash', () => {
    assert.match(refusal(['--seed', '-1']), /"--seed" needs a value, got "-1".*--seed=-1/);
  });

  it('refuses a missing value, a value for a flag and a stray argument', () => {
    assert.equal(refusal(['--seed']), 'Option "--seed" needs a value');
    assert.equal(refusal(['--json=yes']), 'Option "--json" takes no value');
    assert.equal(refusal(['extra']), 'Unexpected argument "extra"');
  });
});

describe('integerOption', () => {
  it('returns a whole number within its bounds', () => {
    assert.equal(integerOption('--seed', '42', 0, 100), 42);
  });

  it('refuses text, fractions and numbers out of bounds, quoting them', () => {
    const refused = (text: string) => () => integerOption('--seconds', text, 1, 60);

    assert.throws(refused('abc'), /--seconds must be an integer from 1 to 60, got "abc"/);
    assert.throws(refused('1.5'), /got "1.5"/);
    assert.throws(refused('0'), /got "0"/);
    assert.throws(refused(''), /got ""/);
  });

  it('words an open upper bound as "at least"', () => {
    assert.throws(() => integerOption('--rooms', '0', 1), /must be an integer of at least 1,/);
  });
});
