import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/core/config.ts';

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

  it('refuses a port outside 0-65535', () => {
    assert.throws(() => loadConfig({ PORT: '70000' }), /PORT/);
  });
});
