/**
 * The report `newsmark check` prints: byte for byte what `vfile-reporter`
 * (8.x, MIT, by Titus Wormer) prints for the same files with its default
 * options, but fast on large reports.
 *
 * `vfile-reporter` aligns columns with `string-width`, which segments every
 * cell into graphemes and builds a new emoji regular expression per
 * character: on a check of 400 articles it took 1.4 s of the 9 s, and it runs
 * on the main thread after the workers are done. Here a cell made only of
 * characters that are one column wide on their own and never join their
 * neighbours into one grapheme (printable ASCII, Latin-1, Latin Extended,
 * general punctuation, …) has its length as width; any other cell (CJK,
 * emoji, combining marks, ANSI colour codes, controls) is measured by
 * `string-width` as before. `test/cli/report.test.ts` compares the two
 * reporters and checks every fast character against `string-width`.
 *
 * Only what `check` uses is ported: no `verbose` (notes, URLs, ancestors),
 * `quiet`, `silent` nor `defaultName`.
 */
import stringWidth from 'string-width'
// The same colour decision as `vfile-reporter` (supports-color on stderr).
import {color as supportsColor} from 'vfile-reporter/do-not-use-color'
import {printable} from './printable.ts'

/** A point, as in unist. */
interface Point {
  line?: number | null | undefined
  column?: number | null | undefined
}

/** The fields of a vfile message the report reads. */
export interface ReportMessage {
  fatal?: boolean | null | undefined
  line?: number | null | undefined
  column?: number | null | undefined
  place?: Point | {start?: Point | null | undefined; end?: Point | null | undefined} | null | undefined
  reason?: string | undefined
  /** As `reason` (a vfile message has both; plain data may have `reason` only). */
  message?: string | undefined
  stack?: string | null | undefined
  ruleId?: string | null | undefined
  source?: string | null | undefined
  cause?: unknown
}

/** The fields of a vfile the report reads. */
export interface ReportFile {
  path?: string | undefined
  history?: ReadonlyArray<string> | undefined
  stored?: boolean | undefined
  messages: ReadonlyArray<ReportMessage>
}

/** Report options. */
export interface ReportOptions {
  /** Use ANSI colours (default: as `vfile-reporter`, when stderr supports them). */
  color?: boolean | null | undefined
}

interface State {
  bold: string
  normalIntensity: string
  underline: string
  noUnderline: string
  red: string
  cyan: string
  green: string
  yellow: string
  defaultColor: string
}

/** A row: a table row of cells, or a line of its own. */
type Row = Array<string> | string

const eol = /\r?\n|\r/

/**
 * Create a report of several files, sorted by path, their messages by
 * place, ending with a count of errors and warnings.
 *
 * @param files
 *   Files.
 * @param options
 *   Options.
 * @returns
 *   Report (no final newline).
 */
export function formatReport(files: ReadonlyArray<ReportFile>, options?: ReportOptions | null): string {
  const state = reportState(options)
  const chunks: string[] = []
  writeReport(
    files.map((file) => reportEntry(state, file)),
    state,
    (chunk) => chunks.push(chunk)
  )
  return chunks.join('')
}

/** How a report looks (its colours). */
export type ReportState = State

/**
 * The colours of a report.
 *
 * @param options
 *   Options.
 * @returns
 *   State.
 */
export function reportState(options?: ReportOptions | null): ReportState {
  const colorEnabled = typeof options?.color === 'boolean' ? options.color : supportsColor
  return {
    bold: colorEnabled ? '\u001B[1m' : '',
    underline: colorEnabled ? '\u001B[4m' : '',
    normalIntensity: colorEnabled ? '\u001B[22m' : '',
    noUnderline: colorEnabled ? '\u001B[24m' : '',
    red: colorEnabled ? '\u001B[31m' : '',
    cyan: colorEnabled ? '\u001B[36m' : '',
    green: colorEnabled ? '\u001B[32m' : '',
    yellow: colorEnabled ? '\u001B[33m' : '',
    defaultColor: colorEnabled ? '\u001B[39m' : ''
  }
}

/**
 * One file of a report, made as soon as the file is checked: its rows hold
 * what the report shows of its messages, and the messages can go (a check
 * of thousands of files holds these, not every message).
 */
export interface ReportEntry {
  path: string | undefined
  /** The file's header line (empty for none). */
  line: string
  /** Its messages' rows, in order of place. */
  rows: Row[]
  /** Errors. */
  fatal: number
  /** Warnings. */
  warn: number
  /** Messages. */
  total: number
}

/**
 * Make the report entry of a file.
 *
 * @param state
 *   Report state.
 * @param file
 *   File.
 * @returns
 *   Entry.
 */
export function reportEntry(state: ReportState, file: ReportFile): ReportEntry {
  const messages = [...file.messages].sort(compareMessage)
  const rows: Row[] = []
  let fatal = 0
  let warn = 0
  for (const message of messages) {
    if (message.fatal) fatal++
    else if (message.fatal === false) warn++
    rows.push(...createMessageLine(state, message))
  }

  return {path: file.path, line: createFileLine(state, file), rows, fatal, warn, total: messages.length}
}

/**
 * Write a report of entries, sorted by path, a chunk of lines at a time
 * (no final newline): the whole report is never one string.
 *
 * @param entries
 *   Entries.
 * @param state
 *   Report state (of the entries).
 * @param write
 *   Takes each chunk.
 */
export function writeReport(entries: ReadonlyArray<ReportEntry>, state: ReportState, write: (chunk: string) => void): void {
  const sorted = [...entries].sort((a, b) => compareString(a.path, b.path))
  // Columns line up across the whole report: the widest cell of each first.
  const sizes: number[] = []
  for (const entry of sorted) {
    for (const row of entry.rows) {
      if (typeof row === 'string') continue
      for (let cellIndex = 0; cellIndex < row.length; cellIndex++) {
        const size = cellWidth(row[cellIndex])
        if (size > (sizes[cellIndex] || 0)) sizes[cellIndex] = size
      }
    }
  }

  let chunk = ''
  let first = true
  const line = (text: string) => {
    chunk += (first ? '' : '\n') + text.trimEnd()
    first = false
    if (chunk.length > 65_536) {
      write(chunk)
      chunk = ''
    }
  }

  let fatal = 0
  let warn = 0
  let total = 0
  let lastWasMessage = false
  for (const entry of sorted) {
    fatal += entry.fatal
    warn += entry.warn
    total += entry.total
    // EOL between message and a file header.
    if (lastWasMessage && entry.line) line('')
    if (entry.line) line(entry.line)
    for (const row of entry.rows) {
      if (typeof row === 'string') {
        line(row)
        continue
      }

      let text = ''
      for (let cellIndex = 0; cellIndex < row.length; cellIndex++) {
        const cell = row[cellIndex] || ''
        text += cell + ' '.repeat((sizes[cellIndex] || 0) + 1 - cellWidth(cell))
      }

      line(text)
    }

    lastWasMessage = entry.rows.length > 0
  }

  if (fatal || warn) {
    line('')
    line(createByline(state, fatal, warn, total))
  }

  if (chunk) write(chunk)
}

function createByline(state: State, fatal: number, warn: number, total: number): string {
  let result = ''
  if (fatal) {
    result = state.red + '✖' + state.defaultColor + ' ' + fatal + ' ' + (fatalToLabel(true) + (fatal === 1 ? '' : 's'))
  }

  if (warn) {
    result =
      (result ? result + ', ' : '') +
      (state.yellow + '⚠' + state.defaultColor) +
      ' ' +
      warn +
      ' ' +
      (fatalToLabel(false) + (warn === 1 ? '' : 's'))
  }

  if (total !== fatal && total !== warn) result = total + ' messages (' + result + ')'
  return result
}

function createCauseLines(state: State, cause: unknown): Row[] {
  const lines: Row[] = ['  ' + state.bold + '[cause]' + state.normalIntensity + ':']
  let foundReasonableCause = false

  if (cause !== null && typeof cause === 'object') {
    const record = cause as Record<string, unknown>
    // (`reason`: a message as plain data; a vfile message has the same `message`.)
    const stackValue =
      ('stack' in record ? String(record.stack) : undefined) ||
      ('message' in record ? String(record.message) : undefined) ||
      ('reason' in record ? String(record.reason) : undefined)

    if (typeof stackValue === 'string') {
      foundReasonableCause = true
      let causeLines: Row[]
      // A message (a vfile message, or one as data), not an error.
      if ('reason' in record) {
        causeLines = createMessageLine(state, record as unknown as ReportMessage)
      } else {
        // Regular error.
        causeLines = stackValue.split(eol)
        if ('cause' in record && record.cause) causeLines.push(...createCauseLines(state, record.cause))
      }

      const head = causeLines[0]
      if (typeof head === 'string') causeLines[0] = '    ' + head
      else head[0] = '    ' + head[0]
      lines.push(...causeLines)
    }
  }

  if (!foundReasonableCause) lines.push('    ' + String(cause))
  return lines
}

function createFileLine(state: State, file: ReportFile): string {
  let fatal = 0
  for (const message of file.messages) if (message.fatal) fatal++
  const total = file.messages.length
  const fromPath = file.history ? file.history[0] : file.path
  const toPath = file.path
  let left = ''
  let right = ''

  // Several files: always a name.
  const name = printable(fromPath || '<stdin>')
  left =
    state.underline +
    (fatal ? state.red : total ? state.yellow : state.green) +
    name +
    state.defaultColor +
    state.noUnderline +
    (file.stored && fromPath !== toPath ? ' > ' + printable(toPath ?? '') : '')

  if (file.stored) right = state.yellow + 'written' + state.defaultColor
  else if (!total) right = 'no issues found'
  return left && right ? left + ': ' + right : left + right
}

function createMessageLine(state: State, message: ReportMessage): Row[] {
  const label = fatalToLabel(message.fatal)
  let reason = message.stack || (message.message ?? message.reason ?? '')
  const match = eol.exec(reason)
  let rest: Row[] = []

  if (match) {
    rest = reason.slice(match.index + 1).split(eol)
    reason = reason.slice(0, match.index)
  }

  // `position` is the old name of `place`.
  const place = message.place || (message as {position?: ReportMessage['place']}).position
  const row = [
    stringifyPosition(place),
    (label === 'error' ? state.red : state.yellow) + label + state.defaultColor,
    formatReason(state, reason),
    message.ruleId || '',
    message.source || ''
  ]

  if (message.cause) rest.push(...createCauseLines(state, message.cause))
  return [row, ...rest]
}

function formatReason(state: State, reason: string): string {
  const result: string[] = []
  const splits: Array<{index: number; size: number}> = []
  let index = reason.indexOf('`')

  while (index !== -1) {
    const split = {index, size: 1}
    splits.push(split)
    while (reason.codePointAt(index + 1) === 96) {
      split.size++
      index++
    }

    index = reason.indexOf('`', index + 1)
  }

  index = -1
  let textStart = 0
  while (++index < splits.length) {
    let closeIndex = index
    let close: {index: number; size: number} | undefined
    while (++closeIndex < splits.length) {
      if (splits[index].size === splits[closeIndex].size) {
        close = splits[closeIndex]
        break
      }
    }

    if (close) {
      const codeStart = splits[index].index
      const codeEnd = close.index + close.size
      result.push(reason.slice(textStart, codeStart) + state.cyan + reason.slice(codeStart, codeEnd) + state.defaultColor)
      textStart = codeEnd
      index = closeIndex
    }
  }

  result.push(reason.slice(textStart))
  return state.bold + result.join('') + state.normalIntensity
}

function fatalToLabel(value: boolean | null | undefined): string {
  return value ? 'error' : value === false ? 'warning' : 'info'
}

/**
 * Whether a UTF-16 code unit is one column wide on its own and never joins
 * a neighbour into one grapheme: printable ASCII, Latin-1 (but `©` and
 * `®`, emoji), Latin Extended-A and -B, IPA, Greek and Cyrillic letters,
 * general punctuation (dashes, quotes, `…`, `‰`, primes), currency signs,
 * letter-like symbols and arrows that are no emoji. Checked against
 * `string-width` and `Intl.Segmenter` in `test/cli/report.test.ts`.
 *
 * @param code
 *   Code unit.
 * @returns
 *   Whether its width is 1.
 */
export function isNarrowSimple(code: number): boolean {
  if (code >= 0x20 && code <= 0x7e) return true
  if (code < 0xa0) return false
  if (code <= 0x2ff) return code !== 0xa9 && code !== 0xae && code !== 0xad
  if (code >= 0x370 && code <= 0x482) return true
  if (code >= 0x48a && code <= 0x52f) return true
  if (code >= 0x2010 && code <= 0x2027) return true
  if (code >= 0x2030 && code <= 0x205e) return code !== 0x203c && code !== 0x2049
  if (code >= 0x20a0 && code <= 0x20c0) return true
  return false
}

const widthCache = new Map<string, number>()

/**
 * The width of a cell in columns, as `string-width` counts it.
 *
 * @param cell
 *   Cell text.
 * @returns
 *   Width.
 */
export function cellWidth(cell: string): number {
  let index = 0
  while (index < cell.length && isNarrowSimple(cell.charCodeAt(index))) index++
  if (index === cell.length) return cell.length
  let width = widthCache.get(cell)
  if (width === undefined) {
    width = stringWidth(cell)
    if (widthCache.size > 10_000) widthCache.clear()
    widthCache.set(cell, width)
  }

  return width
}

function compareMessage(a: ReportMessage, b: ReportMessage): number {
  const at = startOf(a)
  const bt = startOf(b)
  return (
    (at.line || 0) - (bt.line || 0) ||
    (at.column || 0) - (bt.column || 0) ||
    scoreNullableBoolean(a.fatal) - scoreNullableBoolean(b.fatal) ||
    compareString(a.source, b.source) ||
    compareString(a.ruleId, b.ruleId) ||
    compareString(a.reason, b.reason)
  )
}

/**
 * Where a message starts: its `line` and `column` (a vfile message), else
 * its place's (a message as data).
 *
 * @param message
 *   Message.
 * @returns
 *   Point.
 */
function startOf(message: ReportMessage): Point {
  if (message.line != null) return message
  const place = message.place
  if (!place) return {}
  return 'start' in place || 'end' in place ? ((place as {start?: Point | null}).start ?? {}) : (place as Point)
}

function compareString(a: string | null | undefined, b: string | null | undefined): number {
  return String(a || '').localeCompare(String(b || ''))
}

function scoreNullableBoolean(value: boolean | null | undefined): number {
  return value ? 0 : value === false ? 1 : 2
}

function stringifyPosition(value: unknown): string {
  if (!value || typeof value !== 'object') return ''
  const record = value as Record<string, unknown>
  if ('position' in record || 'type' in record) return position(record.position)
  if ('start' in record || 'end' in record) return position(record)
  if ('line' in record || 'column' in record) return point(record as Point)
  return ''
}

function position(value: unknown): string {
  const range = (value ?? undefined) as {start?: Point; end?: Point} | undefined
  return point(range && range.start) + '-' + point(range && range.end)
}

function point(value: Point | null | undefined): string {
  return indexOf(value && value.line) + ':' + indexOf(value && value.column)
}

function indexOf(value: unknown): number {
  return value && typeof value === 'number' ? value : 1
}
