import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { startApi, TEST_ADMIN_TOKEN, type ApiHarness } from './support/startApi.ts';

const run = promisify(execFile);
const NODE = process.execPath;

function admin(args: string[], adminToken = TEST_ADMIN_TOKEN) {
  const env = { ...process.env, ADMIN_TOKEN: adminToken };
  return run(NODE, ['scripts/admin.ts', ...args], { env, timeout: 30_000 });
}

describe('npm run admin', () => {
  let api: ApiHarness;
  before(async () => {
    api = await startApi();
  });
  after(() => api.stop());

  it('grants tickets and items to a named player', async () => {
    const { token, player } = await api.register();
    const args = ['--url', api.baseUrl, 'grant', '--user', player.username];

    const { stdout } = await admin([...args, '--tickets', '7', '--items', 'Fire-1=3,Ice-4=1']);

    const me = (await api.request('GET', '/api/me', { token })).body;
    assert.equal(JSON.parse(stdout).applied, true);
    assert.equal(me.tickets, 20 + 7);
    assert.deepEqual(me.items, { 'Fire-1': 3, 'Ice-4': 1 });
  });

  it('exits 1 with the server reason when the admin token is wrong', async () => {
    const { player } = await api.register();
    const args = ['--url', api.baseUrl, 'grant', '--user', player.username, '--tickets', '1'];

    const failure = await admin(args, 'not-the-admin-token').catch((error: unknown) => error);

    const { code, stderr } = failure as { code: number; stderr: string };
    assert.equal(code, 1);
    assert.match(stderr, /401 \(UNAUTHORIZED/);
  });

  it('exits 1 with the usage line when the verb is missing', async () => {
    const failure = await admin(['--url', api.baseUrl]).catch((error: unknown) => error);

    const { code, stderr } = failure as { code: number; stderr: string };
    assert.equal(code, 1);
    assert.match(stderr, /Usage: npm run admin/);
  });
});
