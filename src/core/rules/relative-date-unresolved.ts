/**
 * Flags a relative date (“next month”, “last week”, “on Friday”) that
 * cannot be resolved because the article has no reference date. (With
 * one, an expression tied to an undated event, “two years later”, is
 * left without a value and not reported.)
 *
 * ## Why
 *
 * A reader meets an article long after it was written: “next month” means
 * nothing without the date it was written on. Newsmark resolves relative
 * dates against the front matter `date:` (or the `referenceDate` option)
 * and can then put dates on a timeline and compare them.
 *
 * ## Default severity
 *
 * `info`.
 *
 * ## Fix
 *
 * Add the publication date to the front matter (`date: 2026-01-16`), or
 * pass `--reference-date` to the CLI. The editor offers to add the
 * front matter as a quick fix.
 *
 * @example
 *   {"name": "ok.md"}
 *
 *   ---
 *   date: 2026-01-16
 *   ---
 *
 *   Poland will withdraw from the Ottawa Convention next month.
 *
 * @example
 *   {"name": "not-ok.md", "label": "input"}
 *
 *   Poland will withdraw from the Ottawa Convention next month.
 *
 * @example
 *   {"name": "not-ok.md", "label": "output"}
 *
 *   1:49-1:59: Unexpected relative date `next month` with no reference date, expected a `date: YYYY-MM-DD` in the front matter (or `--reference-date`)
 */
import type {Rule} from './rule.ts'
import {code} from './util.ts'

const rule: Rule = {
  id: 'relative-date-unresolved',
  severity: 'info',
  check(context, report) {
    // With a reference date, what stays unresolved (“two years later”, after
    // no event dated) is no missing front matter: the message would be wrong.
    if (context.result.referenceDate) return
    for (const date of context.result.dates) {
      if (!date.unresolved) continue
      report({
        start: date.start,
        end: date.end,
        actual: date.text,
        reason: `Unexpected relative date ${code(date.text)} with no reference date, expected a \`date: YYYY-MM-DD\` in the front matter (or \`--reference-date\`)`,
        note: 'Relative dates such as “next month” resolve against the article date.'
      })
    }
  }
}

export default rule
