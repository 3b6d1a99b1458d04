import {strict as assert} from 'node:assert';
import {fixClock, now, todayIso} from '../../src/core/clock.js';
import {todayOf} from '../../src/core/engineData.js';
import {kamerbriefTemplate} from '../../src/core/kamerbrief/template.js';
import {loadKamerbrief} from '../../src/node/files.js';
import {builtinEngine} from '../helpers.js';
import {TEST_TODAY} from '../setup.js';

describe('the core’s clock', () => {
  afterEach(() => fixClock(TEST_TODAY));

  it('is fixed for the whole unit run, and read by the engine and the letter template', () => {
    assert.equal(todayIso(), TEST_TODAY);
    assert.equal(todayOf(builtinEngine().data.config), TEST_TODAY);
    fixClock('2031-03-05');
    assert.equal(todayOf(builtinEngine().data.config), '2031-03-05');
    assert.match(kamerbriefTemplate({minister: 'minister van Defensie', addressee: loadKamerbrief().data!.addressees[0]}), /5 maart 2031/);
  });

  it('runs again when let go, and refuses a day it cannot read', () => {
    fixClock(undefined);
    assert.ok(Math.abs(now().getTime() - Date.now()) < 1000);
    assert.throws(() => fixClock('1 maart 2030'), /not a date written YYYY-MM-DD/);
  });
});
