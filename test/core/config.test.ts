import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../src/core/config.ts';

/** The refusal loadConfig throws for `env`; fails the test when it accepts `env`. */
function refusal(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error;
  }
  assert.fail(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('gives every setting its default on an empty environment', () => {
    const config = loadConfig({});

    assert.equal(config.PORT, 2567);
    assert.equal(config.ADMIN_TOKEN, undefined);
    assert.deepEqual(config.CORS_ORIGINS, []);
  });

  it('refuses secrets too short to resist guessing, naming each one', () => {
    const env = { TOKEN_SECRET: 'x'.repeat(31), ADMIN_TOKEN: 'short', METRICS_TOKEN: 'short' };

    const names = ['TOKEN_SECRET', 'ADMIN_TOKEN', 'METRICS_TOKEN'];
    assert.throws(() => loadConfig(env), (error: Error) =>
      names.every((name) => error.message.includes(name)));
  });

  it('treats an empty secret as unset', () => {
    const config = loadConfig({ ADMIN_TOKEN: '  ', TOKEN_SECRET: '' });

    assert.equal(config.ADMIN_TOKEN, undefined);
    assert.equal(config.TOKEN_SECRET, undefined);
  });

  it('treats an empty number or text setting as unset, giving its default', () => {
    const env = { PORT: '', BATTLE_PACING_MS: ' ', WELCOME_TICKETS: '', HOST: '', DATA_DIR: '' };

    const config = loadConfig(env);

    assert.equal(config.PORT, 2567);
    assert.equal(config.BATTLE_PACING_MS, 400);
    assert.equal(config.WELCOME_TICKETS, 20);
    assert.equal(config.HOST, '0.0.0.0');
    assert.equal(config.DATA_DIR, './data');
  });

  it('refuses a port outside 0-65535, quoting the value', () => {
    assert.match(refusal({ PORT: '70000' }).message, /PORT must be an integer .*got "70000"/);
  });

  it('refuses a number that is not written as a whole number, quoting it', () => {
    const error = refusal({ PORT: 'abc', WELCOME_TICKETS: '1.5' });

    assert.match(error.message, /PORT must be an integer from 0 to 65535, got "abc"/);
    assert.match(error.message, /WELCOME_TICKETS must be an integer of at least 0, got "1.5"/);
    const variables = error.problems.map((problem) => problem.variable);
    assert.deepEqual(variables, ['PORT', 'WELCOME_TICKETS']);
  });

  it('refuses an unknown NODE_ENV or LOG_LEVEL, listing the accepted words', () => {
    const error = refusal({ NODE_ENV: 'prod', LOG_LEVEL: 'verbose' });

    assert.match(error.message, /NODE_ENV must be one of development, .*, test, got "prod"/);
    assert.match(error.message, /LOG_LEVEL must be one of fatal, .*, silent, got "verbose"/);
  });

  it('refuses a MONGODB_URI without a mongodb scheme, hiding one that may hold a password', () => {
    assert.match(refusal({ MONGODB_URI: 'notauri' }).message, /mongodb\+srv:\/\/, got "notauri"/);
    assert.doesNotMatch(refusal({ MONGODB_URI: 'http://me:pw@db' }).message, /pw/);
  });

  it('never quotes a secret back', () => {
    const error = refusal({ TOKEN_SECRET: 'sesame-sesame', ADMIN_TOKEN: 'open-up' });

    assert.doesNotMatch(error.message, /sesame|open-up/);
  });

  it('refuses COMMAND_FLOOD_PER_S below COMMANDS_PER_S', () => {
    const error = refusal({ COMMANDS_PER_S: '200' });

    assert.match(error.message, /COMMAND_FLOOD_PER_S must be at least COMMANDS_PER_S \(200\)/);
  });

  it('accepts COMMAND_FLOOD_PER_S equal to COMMANDS_PER_S', () => {
    const config = loadConfig({ COMMANDS_PER_S: '80', COMMAND_FLOOD_PER_S: '80' });

    assert.equal(config.COMMAND_FLOOD_PER_S, 80);
  });

  it('refuses production without TOKEN_SECRET', () => {
    assert.match(refusal({ NODE_ENV: 'production' }).message, /TOKEN_SECRET must be set/);
  });

  it('hints at the variables to correct and where the settings are listed', () => {
    assert.match(refusal({ PORT: '-1' }).hint, /Correct PORT; \.env\.example/);
  });

  it('refuses a reconnection window past one day, which would overflow its timer', () => {
    assert.throws(() => loadConfig({ RECONNECT_WINDOW_S: '2147484' }), /RECONNECT_WINDOW_S/);
  });
});
