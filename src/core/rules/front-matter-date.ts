/**
 * Flags a front matter date (`date:`, `published:` or `datePublished:`)
 * that is not a calendar date.
 *
 * ## Why
 *
 * Relative dates (“next month”, “last week”) resolve against the
 * article’s date. A date Newsmark cannot read leaves them unresolved, and
 * the timeline without its anchor.
 *
 * ## Default severity
 *
 * `warning`.
 *
 * ## Fix
 *
 * Write the date as `YYYY-MM-DD` (a valid time after it is fine:
 * `2026-01-16T09:30:00Z`, not `2026-01-16T25:99`).
 *
 * @example
 *   {"name": "ok.md"}
 *
 *   ---
 *   date: 2026-01-16
 *   ---
 *
 *   Poland will withdraw next month.
 *
 * @example
 *   {"name": "not-ok.md", "label": "input"}
 *
 *   ---
 *   date: January 16th
 *   ---
 *
 *   Poland will withdraw next month.
 *
 * @example
 *   {"name": "not-ok.md", "label": "output"}
 *
 *   1:1-3:4: Unexpected front matter `date: January 16th`, expected a date as `YYYY-MM-DD`
 */
import {frontMatterDateValue} from '../front-matter.ts'
import {parseIsoDate} from '../dates/iso-date.ts'
import type {Rule} from './rule.ts'

const rule: Rule = {
  id: 'front-matter-date',
  severity: 'warning',
  check(context, report) {
    const frontMatter = context.frontMatter
    const value = frontMatterDateValue(frontMatter)
    if (value === undefined || parseIsoDate(value)) return
    const position = frontMatter!.node.position
    report({
      start: position?.start.offset ?? 0,
      end: position?.end.offset ?? 0,
      actual: String(value),
      reason: `Unexpected front matter \`date: ${String(value)}\`, expected a date as \`YYYY-MM-DD\``
    })
  }
}

export default rule
