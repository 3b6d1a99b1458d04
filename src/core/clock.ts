/**
 * The one clock of Rubric's core: the engine's "today" (a document without a date of its own), the
 * letter templates and snippets read it here. A host or a test that needs a fixed day sets it once
 * (fixClock), so that no result depends on the day a test happens to run.
 */

let fixed: Date | undefined;

/** Fixes "now" at `day` (YYYY-MM-DD, local midnight), or lets the real clock run again. */
export function fixClock(day: string | undefined): void {
  if (day === undefined) {
    fixed = undefined;
    return;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new Error(`fixClock: "${day}" is not a date written YYYY-MM-DD`);
  fixed = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** Now: the fixed day, else the real date and time. */
export function now(): Date {
  return fixed ? new Date(fixed.getTime()) : new Date();
}

/** Today as YYYY-MM-DD in local time. */
export function todayIso(): string {
  const d = now();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
