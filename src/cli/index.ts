import {run} from './main.js';

process.exitCode = run(process.argv.slice(2), {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
});
