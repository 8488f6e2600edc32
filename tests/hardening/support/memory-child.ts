// Runs the real service (startServer) in a child process with a small heap, for the memory test.
// Answers IPC messages: 'heap' → heap used after a full GC.
import { loadConfig } from '../../../src/config';
import { startServer } from '../../../src/server';

async function run(): Promise<void> {
  const config = loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SARING_WATCH_RULES: 'false' });
  const running = await startServer(config);
  process.on('message', (msg) => {
    if (msg === 'heap') {
      (globalThis as { gc?: () => void }).gc?.();
      process.send?.({ heapUsed: process.memoryUsage().heapUsed });
    } else if (msg === 'stop') void running.shutdown().then(() => process.exit(0));
  });
  process.send?.({ url: running.url });
}

run().catch((err: unknown) => {
  process.stderr.write(`memory child: ${String(err)}\n`);
  process.exit(1);
});
