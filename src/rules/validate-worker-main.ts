import { parentPort, workerData } from 'node:worker_threads';
import { runValidateJob, type ValidateJob } from './validate-job';

// The worker thread's entry: announce readiness (the time budget starts then) and each phase (it starts again), run the job, answer.
parentPort?.postMessage({ ready: true });
parentPort?.postMessage({ result: runValidateJob(workerData as ValidateJob, (phase) => parentPort?.postMessage({ phase })) });
