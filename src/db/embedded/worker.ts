import { parentPort, workerData } from 'node:worker_threads';
import type { EmbeddedMongoOptions } from './startEmbeddedMongo.ts';
import { startInThisThread } from './startInThisThread.ts';

const port = parentPort;
if (!port) throw new Error('The embedded database worker must run in a worker thread');

try {
  const server = await startInThisThread(workerData as EmbeddedMongoOptions);
  port.on('message', async (message: unknown) => {
    if (message !== 'stop') return;
    await server.stop();
    port.close();
  });
  port.postMessage({ type: 'listening', port: server.port });
} catch (error) {
  port.postMessage({ type: 'failed', message: (error as Error).message });
  port.close();
}
