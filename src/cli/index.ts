import {runAsync} from './main.js';
import {isRubricWorker, runWorker} from './worker.js';

// The same bundle serves as the CLI and as its worker threads.
if (isRubricWorker()) runWorker();
else {
  void runAsync(process.argv.slice(2), {
    out: (s) => process.stdout.write(`${s}\n`),
    err: (s) => process.stderr.write(`${s}\n`),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    workerScript: __filename,
  }).then((code) => {
    process.exitCode = code;
  });
}
