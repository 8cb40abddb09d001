import { createServer } from 'node:net';

/** Tests that need a port known before start-up take one from this range. */
const FIRST_PORT = 47_000;
const PORT_COUNT = 1_000;
const ATTEMPTS = 50;

/**
 * A port in 47000-47999 that nothing on 127.0.0.1 listens on right now. Another process may
 * still take it before the caller binds it; callers that cannot bind fail loudly.
 */
export async function findFreePort(): Promise<number> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const port = FIRST_PORT + Math.floor(Math.random() * PORT_COUNT);
    if (await canBind(port)) return port;
  }
  throw new Error(`No free port in ${FIRST_PORT}-${FIRST_PORT + PORT_COUNT - 1}`);
}

function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}
