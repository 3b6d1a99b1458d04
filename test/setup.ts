/**
 * Mocha's root hooks for the unit run: the core's clock is fixed at one day, so that a document
 * without a date of its own is judged at that day whenever the suite runs (a ministry renamed in the
 * data, or a term deprecated from a later date, never turns a test red by the passing of time).
 * A test about the date itself sets its own (`--date`, front matter, `today` in the configuration).
 */

import {fixClock} from '../src/core/clock.js';

export const TEST_TODAY = '2026-12-01';

export const mochaHooks = {
  beforeAll(): void {
    fixClock(TEST_TODAY);
  },
};
