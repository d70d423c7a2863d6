/**
 * The findings the tagger itself reports (the fact-check rule set builds on
 * the same `report`):
 *
 * - `relative-date-unresolved` (info): a relative date with no reference
 *   date to resolve it against; the fix is a `date:` in the front matter.
 * - `relative-date` (info): a relative date, with the absolute date it
 *   resolves to.
 * - `unattributed-claim` (warning): a check-worthy claim with no speaker or
 *   source in its sentence.
 */
import type {VFile} from 'vfile'
import type {NewsmarkResult} from '../types.ts'
import {report} from './report.ts'

/**
 * Report the tagger's findings for a result.
 *
 * @param file
 *   File.
 * @param result
 *   Tags.
 */
export function reportBasics(file: VFile, result: NewsmarkResult): void {
  for (const date of result.dates) {
    if (date.unresolved) {
      report(file, {
        ruleId: 'relative-date-unresolved',
        severity: 'info',
        start: date.start,
        end: date.end,
        actual: date.text,
        reason: `Unexpected relative date \`${date.text}\` with no reference date, expected a \`date: YYYY-MM-DD\` in the front matter (or \`--reference-date\`)`,
        note: 'Relative dates such as “next month” resolve against the article date.'
      })
    } else if (date.relative) {
      report(file, {
        ruleId: 'relative-date',
        severity: 'info',
        start: date.start,
        end: date.end,
        actual: date.text,
        reason: `Relative date \`${date.text}\` resolves to \`${date.value}\``
      })
    }
  }

  for (const claim of result.claims) {
    if (claim.speaker) continue
    report(file, {
      ruleId: 'unattributed-claim',
      severity: 'warning',
      start: claim.start,
      end: claim.end,
      reason: `Unexpected ${claim.kind} claim with no speaker or source, expected an attribution (“according to …”, “… said”)`
    })
  }
}
