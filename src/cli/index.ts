import {readFileSync} from 'node:fs';
import {registerPrecompiledValidators} from '../core/index.js';
import {internalError, runAsync, type Io} from './main.js';
import {isRubricWorker, runWorker} from './worker.js';

// The schemas' validators as compiled at build time (scripts/validators.mjs), taken when first needed.
registerPrecompiledValidators(require('rubric:validators'));

// The same bundle serves as the CLI and as its worker threads.
if (isRubricWorker()) runWorker();
else {
  const io: Io = {
    out: (s) => process.stdout.write(`${s}\n`),
    err: (s) => process.stderr.write(`${s}\n`),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    workerScript: __filename,
    readStdin: () => readFileSync(0),
    outText: (s) => process.stdout.write(s),
    exitCode: (code) => {
      process.exitCode = code;
    },
  };
  // Whatever escapes (a failed worker, a bug): a message and exit 2, never Node's exit 1, which means "errors found".
  const fail = (e: unknown) => {
    process.exitCode = internalError(e, io);
  };
  // A reader that stops early (`rubric check . | head`) is no error of ours: stop quietly.
  const closed = (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    else fail(e);
  };
  process.stdout.on('error', closed);
  process.stderr.on('error', closed);
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  void runAsync(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  }, fail);
}
