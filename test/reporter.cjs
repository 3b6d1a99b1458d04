// Mocha's dot reporter, closing with each skipped test and why (test.skipReason, set by
// test/corpus.ts needsCorpus), then the plain summary line CI reads: "N passed, N failed, N skipped".
'use strict';
const Mocha = require('mocha');

const {EVENT_RUN_END, EVENT_TEST_PENDING} = Mocha.Runner.constants;

class SummaryReporter extends Mocha.reporters.Dot {
  constructor(runner, options) {
    super(runner, options);
    const skipped = [];
    runner.on(EVENT_TEST_PENDING, (test) => skipped.push(test));
    runner.once(EVENT_RUN_END, () => {
      const s = runner.stats;
      if (skipped.length) {
        process.stdout.write(`\nSkipped:\n`);
        for (const t of skipped) process.stdout.write(`  - ${t.fullTitle()}${t.skipReason ? `\n    (${t.skipReason})` : ''}\n`);
      }
      process.stdout.write(`\n${s.passes} passed, ${s.failures} failed, ${s.pending} skipped\n`);
    });
  }
}

module.exports = SummaryReporter;
