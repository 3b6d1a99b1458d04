// Mocha's dot reporter, closing with the plain summary line CI reads: "N passed, N failed, N skipped".
'use strict';
const Mocha = require('mocha');

const {EVENT_RUN_END} = Mocha.Runner.constants;

class SummaryReporter extends Mocha.reporters.Dot {
  constructor(runner, options) {
    super(runner, options);
    runner.once(EVENT_RUN_END, () => {
      const s = runner.stats;
      process.stdout.write(`\n${s.passes} passed, ${s.failures} failed, ${s.pending} skipped\n`);
    });
  }
}

module.exports = SummaryReporter;
