/**
 * Reporting findings as vfile messages, the way remark-lint does: each has
 * a rule id, the source `newsmark`, a position, a documentation URL and a
 * severity (`fatal`: `true` error, `false` warning, `undefined` info).
 */
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import type {VFileMessage} from 'vfile-message'

/** Severity of a finding. */
export type Severity = 'error' | 'warning' | 'info'

/** Where rule documentation lives. */
export const docsUrl = 'https://github.com/newsmark/newsmark/blob/main/docs/rules.md'

/** A finding to report. */
export interface Finding {
  ruleId: string
  reason: string
  start: number
  end: number
  severity: Severity
  /** Replacement texts for a quick fix. */
  expected?: string[]
  /** The text found. */
  actual?: string
  /** Extra explanation. */
  note?: string
}

/**
 * Report a finding on a file.
 *
 * @param file
 *   File whose `value` is the Markdown source.
 * @param finding
 *   Finding.
 * @returns
 *   The message.
 */
export function report(file: VFile, finding: Finding): VFileMessage {
  const place = location(file)
  const start = place.toPoint(finding.start)
  const end = place.toPoint(finding.end)
  const message = file.message(finding.reason, {
    ...(start && end ? {place: {start, end}} : {}),
    ruleId: finding.ruleId,
    source: 'newsmark'
  })
  message.url = `${docsUrl}#${finding.ruleId}`
  message.fatal =
    finding.severity === 'error' ? true : finding.severity === 'warning' ? false : undefined
  if (finding.expected) message.expected = finding.expected
  if (finding.actual !== undefined) message.actual = finding.actual
  if (finding.note) message.note = finding.note
  return message
}
