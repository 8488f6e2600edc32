import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ValidateJob, ValidateJobResult } from './validate-job';

/** Time and memory a validation may use (docs/reliability.md). */
export interface ValidateBudget {
  timeoutMs: number;
  memoryMb: number;
}

export const defaultValidateBudget: Readonly<ValidateBudget> = Object.freeze({ timeoutMs: 10_000, memoryMb: 256 });

/** The worker ran out of its time or memory budget. */
export type BudgetExceeded = { exceeded: 'timeoutMs' | 'memoryMb'; message: string };

// Under jest the sources are TypeScript: the worker compiles them on the fly with swc (a dev dependency).
const TS_BOOTSTRAP = `
const fs = require('node:fs');
const { transformSync } = require('@swc/core');
require.extensions['.ts'] = (m, filename) => {
  const out = transformSync(fs.readFileSync(filename, 'utf8'), { filename, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } });
  m._compile(out.code, filename);
};
require(require('node:worker_threads').workerData.__entry);
`;

function startWorker(job: ValidateJob, memoryMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: Math.max(8, Math.floor(memoryMb / 8)), stackSizeMb: 4 };
  if (__filename.endsWith('.js')) return new Worker(path.join(__dirname, 'validate-worker-main.js'), { workerData: job, resourceLimits });
  return new Worker(TS_BOOTSTRAP, { eval: true, workerData: { ...job, __entry: path.join(__dirname, 'validate-worker-main.ts') }, resourceLimits });
}

/**
 * Runs a validation in a worker thread of its own, so a costly candidate never
 * blocks the event loop, and ends it when it passes its time or memory budget.
 * The time budget starts when the worker has loaded, not when it is spawned, and
 * again for the measurement on the clean sample once the compile is done.
 *
 * @example
 * const out = await validateInWorker(job, { timeoutMs: 2000, memoryMb: 256 });
 * if ('exceeded' in out) throw new AppError('validation_failed', out.message);
 */
export function validateInWorker(job: ValidateJob, budget: Readonly<ValidateBudget> = defaultValidateBudget): Promise<ValidateJobResult | BudgetExceeded> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(job, budget.memoryMb);
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    const finish = (value: ValidateJobResult | BudgetExceeded | Error) => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      void worker.terminate();
      if (value instanceof Error) reject(value);
      else resolve(value);
    };
    const arm = (what: string) => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => finish({ exceeded: 'timeoutMs', message: `${what} took longer than its budget of ${budget.timeoutMs} ms (timeoutMs)` }), budget.timeoutMs);
    };
    worker.on('message', (msg: { ready?: true; phase?: string; result?: ValidateJobResult }) => {
      if (msg.ready) arm('compiling the rules and running their examples');
      else if (msg.phase) arm('measuring the ruleset on the clean sample');
      else if (msg.result) finish(msg.result);
    });
    worker.on('error', (err: Error & { code?: string }) => {
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY' || /memory/i.test(err.message)) finish({ exceeded: 'memoryMb', message: `validating needed more than its budget of ${budget.memoryMb} MB of memory (memoryMb)` });
      else finish(err);
    });
    worker.on('exit', (code) => finish(new Error(`validation worker exited with code ${code}`)));
  });
}
