/** The worker-thread side of parallel.ts: checks the files the main thread hands out. */

import {checkFile, EngineCache} from './checkFile.js';
import {WORKER_ARG, type FromWorker, type ToWorker, type WorkerTask} from './parallel.js';

type WorkerThreads = typeof import('node:worker_threads');

/** Whether this is one of check's worker threads. The main thread does not load node:worker_threads to tell. */
export function isRubricWorker(): boolean {
  if (!process.argv.includes(WORKER_ARG)) return false;
  const {parentPort, workerData} = require('node:worker_threads') as WorkerThreads;
  return Boolean(parentPort && (workerData as {rubricWorker?: boolean} | undefined)?.rubricWorker);
}

export function runWorker(): void {
  const {parentPort, workerData} = require('node:worker_threads') as WorkerThreads;
  const {task} = workerData as {task: WorkerTask};
  const engines = new EngineCache(task.options);
  parentPort!.on('message', (m: ToWorker) => {
    if (m === null) {
      parentPort!.close();
      return;
    }
    try {
      parentPort!.postMessage({index: m.index, outcome: checkFile(m.file, engines, task.fix, task.raise)} satisfies FromWorker);
    } catch (e) {
      parentPort!.postMessage({failed: `${m.file}: ${(e as Error).stack ?? e}`} satisfies FromWorker);
    }
  });
}
