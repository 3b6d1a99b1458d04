/** The worker-thread side of parallel.ts: checks the files the main thread hands out. */

import {parentPort, workerData} from 'node:worker_threads';
import {checkFile, EngineCache} from './checkFile.js';
import type {FromWorker, ToWorker, WorkerTask} from './parallel.js';

export function isRubricWorker(): boolean {
  return Boolean(parentPort && (workerData as {rubricWorker?: boolean} | undefined)?.rubricWorker);
}

export function runWorker(): void {
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
