import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { startServerProcess } from './support/serverProcess.ts';

describe('npm start', () => {
  it('exits non-zero when its port is taken, instead of running unbound', async () => {
    const squatter = createServer();
    squatter.listen(0, '127.0.0.1');
    await once(squatter, 'listening');
    const { port } = squatter.address() as AddressInfo;

    const start = startServerProcess({ DATA_DIR: ':memory:', PORT: String(port) });

    await assert.rejects(start, /exited before listening \(1\)/);
    squatter.close();
  });
});
