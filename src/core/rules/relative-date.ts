/**
 * Notes the absolute date a relative date (“next month”, “last week”,
 * “February 20” without a year) resolves to.
 *
 * ## Why
 *
 * “Next month” in an article from January 2026 is February 2026; read a
 * year later it is easily taken for another month. The note tells the date
 * the article means, so a reader can check it against other sources.
 * References to the present (“now”, “currently”) have no date to tell and
 * are left out.
 *
 * ## Default severity
 *
 * `info`.
 *
 * ## Fix
 *
 * Nothing to fix; a writer may prefer the absolute date.
 *
 * @example
 *   {"name": "ok.md"}
 *
 *   ---
 *   date: 2026-01-16
 *   ---
 *
 *   The Ottawa Convention was adopted in 1997.
 *
 * @example
 *   {"name": "not-ok.md", "label": "input"}
 *
 *   ---
 *   date: 2026-01-16
 *   ---
 *
 *   Poland will withdraw from the Ottawa Convention next month. Finland’s withdrawal took effect last week.
 *
 * @example
 *   {"name": "not-ok.md", "label": "output"}
 *
 *   5:49-5:59: Relative date `next month` resolves to `2026-02`
 *   5:94-5:103: Relative date `last week` resolves to `2026-W02`
 */
import type {Rule} from './rule.ts'
import {code} from './util.ts'

const rule: Rule = {
  id: 'relative-date',
  severity: 'info',
  check(context, report) {
    for (const date of context.result.dates) {
      if (!date.relative || date.unresolved || /_REF$/.test(date.value)) continue
      report({
        start: date.start,
        end: date.end,
        actual: date.text,
        reason: `Relative date ${code(date.text)} resolves to ${code(date.value)}`
      })
    }
  }
}

export default rule
