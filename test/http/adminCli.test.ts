import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
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

  it('exits 2 with the usage line when the verb is missing', async () => {
    const failure = await admin(['--url', api.baseUrl]).catch((error: unknown) => error);

    const { code, stderr } = failure as { code: number; stderr: string };
    assert.equal(code, 2);
    assert.match(stderr, /Usage: npm run admin/);
  });

  it('exits 2 on an unknown option, in one line without a stack', async () => {
    const args = ['--url', api.baseUrl, 'grant', '--user', 'someone', '--tickts', '5'];

    const failure = await admin(args).catch((error: unknown) => error);

    const { code, stderr } = failure as { code: number; stderr: string };
    assert.equal(code, 2);
    assert.match(stderr, /^Unknown option "--tickts"; did you mean "--tickets"\?\nUsage: /);
    assert.doesNotMatch(stderr, /ERR_PARSE_ARGS|\n\s+at /);
  });

  it('exits 2 without sending a request when a grant gives nothing', async () => {
    const url = await closedPortUrl();

    const failure = await admin(['--url', url, 'grant', '--user', 'someone'])
      .catch((error: unknown) => error);

    const { code, stderr } = failure as { code: number; stderr: string };
    assert.equal(code, 2);
    assert.match(stderr, /^grant needs something to grant/);
  });

  it('exits 1 asking whether the server runs when nothing answers', async () => {
    const url = await closedPortUrl();

    const failure = await admin(['--url', url, 'show', '--user', 'someone'])
      .catch((error: unknown) => error);

    const { code, stderr } = failure as { code: number; stderr: string };
    assert.equal(code, 1);
    assert.match(stderr, /Cannot reach http:\/\/127\.0\.0\.1:\d+ .*; is the server running\?/);
  });

  it('says the admin API is off when the server has no ADMIN_TOKEN', async () => {
    const plain = await startApi({ apiDeps: { config: { ADMIN_TOKEN: undefined } } });

    const failure = await admin(['--url', plain.baseUrl, 'show', '--user', 'someone'])
      .catch((error: unknown) => error);

    await plain.stop();
    const { code, stderr } = failure as { code: number; stderr: string };
    assert.equal(code, 1);
    assert.match(stderr, /admin API is off on .* \(it has no ADMIN_TOKEN\)/);
  });

  it('keeps the server reason for a player the server does not know', async () => {
    const args = ['--url', api.baseUrl, 'show', '--user', 'nobody_by_this_name'];

    const failure = await admin(args).catch((error: unknown) => error);

    const { stderr } = failure as { code: number; stderr: string };
    assert.match(stderr, /404 \(PLAYER_NOT_FOUND/);
  });
});

/** A 127.0.0.1 URL whose port nothing listens on (bound once, then released). */
async function closedPortUrl(): Promise<string> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return `http://127.0.0.1:${port}`;
}
