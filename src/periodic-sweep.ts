import type { Logger } from './logger';

/** A sweep running every few seconds; `stop()` waits for the sweep in flight. */
export interface PeriodicSweep {
  sweepOnce(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Runs `sweep` every `intervalMs`, never two at once; a failed sweep is logged as `what` and the
 * next one runs on time. The timer does not keep the process alive.
 */
export function startPeriodicSweep(sweep: () => Promise<number>, opts: { intervalMs: number; logger: Logger; what: string }): PeriodicSweep {
  let inFlight: Promise<number> | undefined;
  let stopped = false;
  const tick = async () => {
    if (stopped || inFlight) return;
    inFlight = sweep().catch((err: unknown) => {
      opts.logger.warn({ err }, opts.what);
      return 0;
    });
    await inFlight;
    inFlight = undefined;
  };
  const timer = setInterval(() => void tick(), opts.intervalMs);
  timer.unref();
  return {
    sweepOnce: sweep,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await inFlight;
    },
  };
}
