import { startLiveInstance, type LiveInstance } from '../../support/live';
import type { TestAppOptions } from '../../support/app';

/** A test app on a real http server (so load goes through sockets, like production). */
export type ListeningApp = LiveInstance;

/** Starts the test service with `buildTestApp` options, listening on a free port (stream attached, as in production). */
export function startListeningApp(opts: TestAppOptions): Promise<ListeningApp> {
  return startLiveInstance(opts);
}
