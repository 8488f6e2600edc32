import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildTestApp, type TestApp } from '../../support/app';

/** A test app on a real http server (so load goes through sockets, like production). */
export interface ListeningApp extends TestApp {
  url: string;
}

/** Builds the real app with `buildTestApp` options and listens on a free port. */
export async function startListeningApp(opts: Parameters<typeof buildTestApp>[0]): Promise<ListeningApp> {
  const t = await buildTestApp(opts);
  const server = http.createServer(t.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    ...t,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await t.close();
    },
  };
}
