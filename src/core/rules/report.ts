/**
 * Reporting findings as vfile messages, the way remark-lint does: each has
 * a rule id, the source `newsmark`, a position, a documentation URL and a
 * severity (`fatal`: `true` error, `false` warning, `undefined` info).
 */
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {VFileMessage} from 'vfile-message'

/** Severity of a finding. */
export type Severity = 'error' | 'warning' | 'info'

/** Where rule documentation lives. */
export const docsUrl = 'https://github.com/newsmark/newsmark/blob/main/docs/rules.md'

/** Another place a finding refers to (the first spelling, the earlier date). */
export interface Related {
  start: number
  end: number
  /** What is there (“First stated here”). */
  reason: string
}

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
  /** Related place, reported as the message `cause`. */
  related?: Related
}

// Line index per file: building it is linear in the file, so a file with
// many findings builds it once.
const locations = new WeakMap<VFile, {value: unknown; place: ReturnType<typeof location>}>()

/**
 * Report a finding on a file.
 *
 * @param file
 *   File whose `value` is the Markdown source.
 * @param finding
 *   Finding, as a rule reports it.
 * @param ruleId
 *   Rule id.
 * @param severity
 *   Severity.
 * @returns
 *   The message.
 */
export function report(
  file: VFile,
  finding: Omit<Finding, 'ruleId' | 'severity'>,
  ruleId: string,
  severity: Severity
): VFileMessage {
  const place = locate(file)
  const start = place.toPoint(finding.start)
  const end = place.toPoint(finding.end)
  const message = file.message(finding.reason, start && end ? {place: {start, end}, ruleId, source: 'newsmark'} : {ruleId, source: 'newsmark'})
  message.url = urlOf(ruleId)
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined
  if (finding.expected) message.expected = finding.expected
  if (finding.actual !== undefined) message.actual = finding.actual
  if (finding.note) message.note = finding.note
  if (finding.related) {
    const relatedStart = place.toPoint(finding.related.start)
    const relatedEnd = place.toPoint(finding.related.end)
    message.cause = new VFileMessage(
      finding.related.reason,
      relatedStart && relatedEnd
        ? {place: {start: relatedStart, end: relatedEnd}, ruleId, source: 'newsmark'}
        : {ruleId, source: 'newsmark'}
    )
  }

  return message
}

// The documentation URL of each rule, made once (thousands of messages share it).
const urls = new Map<string, string>()

/**
 * The documentation URL of a rule.
 *
 * @param ruleId
 *   Rule id.
 * @returns
 *   URL.
 */
function urlOf(ruleId: string): string {
  let url = urls.get(ruleId)
  if (url === undefined) {
    url = `${docsUrl}#${ruleId}`
    urls.set(ruleId, url)
  }

  return url
}

/**
 * Make messages without stack traces: a message is an `Error`, whose
 * constructor captures a trace that `VFileMessage` then throws away
 * (`stack` is empty), at three times the cost of the rest of it.
 *
 * @param make
 *   Makes the messages (`report`).
 * @returns
 *   What it returns.
 */
export function untraced<T>(make: () => T): T {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    return make()
  } finally {
    Error.stackTraceLimit = limit
  }
}

/**
 * The line index of a file, cached while its value is unchanged.
 *
 * @param file
 *   File.
 * @returns
 *   Location helpers.
 */
function locate(file: VFile): ReturnType<typeof location> {
  const cached = locations.get(file)
  if (cached && cached.value === file.value) return cached.place
  const place = location(file)
  locations.set(file, {value: file.value, place})
  return place
}
