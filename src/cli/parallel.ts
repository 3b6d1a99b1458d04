/**
 * `rubric check` over many files on all cores: worker threads (not
 * processes) each take the next file from a shared queue and send back plain
 * results; the output keeps the order of the files.
 */

import * as os from 'node:os';
import type {LoadOptions} from '../node/files.js';
import type {FileOutcome} from './checkFile.js';

/** In a worker's process.argv: what tells a worker thread from the main thread, which never loads node:worker_threads. */
export const WORKER_ARG = '--rubric-worker-thread';

export interface WorkerTask {
  options: LoadOptions;
  fix: boolean;
  /** --fix-raise: the fixes that raise the classification too. */
  raise: boolean;
}

/** Messages from the main thread to a worker: a file to check, or null to stop. */
export type ToWorker = {file: string; index: number} | null;
export type FromWorker = {index: number; outcome: FileOutcome} | {failed: string};

export function defaultJobs(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/**
 * Checks `files` with `jobs` threads: this one (its engines are built
 * already) and `jobs - 1` workers, all taking the next file from one queue.
 */
export function checkInWorkers(
  script: string, files: string[], task: WorkerTask, jobs: number, checkHere: (file: string) => FileOutcome,
): Promise<FileOutcome[]> {
  const {Worker} = require('node:worker_threads') as typeof import('node:worker_threads');
  type Worker = import('node:worker_threads').Worker;
  const outcomes: FileOutcome[] = new Array(files.length);
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve(outcomes);
    };
    const completed = () => {
      if (++done === files.length) finish();
    };
    const feed = (w: Worker) => {
      if (next < files.length) {
        const index = next++;
        w.postMessage({file: files[index], index} satisfies ToWorker);
      } else w.postMessage(null satisfies ToWorker);
    };
    const count = Math.max(0, Math.min(jobs - 1, files.length - 1));
    for (let i = 0; i < count; i++) {
      const w = new Worker(script, {workerData: {rubricWorker: true, task}, argv: [WORKER_ARG]});
      workers.push(w);
      w.on('message', (m: FromWorker) => {
        if ('failed' in m) {
          finish(new Error(m.failed));
          return;
        }
        outcomes[m.index] = m.outcome;
        completed();
        feed(w);
      });
      w.on('error', (e) => finish(e));
      feed(w);
    }
    // This thread takes a file whenever it is free, letting the workers' messages through in between.
    const here = () => {
      if (settled || next >= files.length) return;
      const index = next++;
      try {
        outcomes[index] = checkHere(files[index]);
      } catch (e) {
        finish(e as Error);
        return;
      }
      completed();
      setImmediate(here);
    };
    setImmediate(here);
  });
}
