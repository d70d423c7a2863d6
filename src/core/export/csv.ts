/**
 * `csv` export: one row per tag (entity mention, date, claim, quote) after
 * review, for spreadsheets; a claim with several verdicts (several
 * reviewers) has a row for each, with the verdict’s `reviewer`. A quote's
 * row has its content as `text`, `direct`, `indirect` or `mixed` as
 * `type`, its source as `speaker` (with the source's kind as `value` and
 * its entity's role as `role`) and its cue as `verb`.
 *
 * RFC 4180: CRLF line ends, a header row, fields with a comma, quote, CR or
 * LF in double quotes with quotes doubled. Text fields that a spreadsheet
 * would run as a formula (starting with `=`, `+`, `-`, `@` or a lookalike
 * such as full-width `＝`, after any white space, or with a tab, CR or LF)
 * get a leading `'`; control characters become U+FFFD. Positions are code
 * points; `line` is 1-based.
 */
import {applyAnnotations} from '../annotations/apply.ts'
import {codePointIndex, lineIndex} from '../annotations/positions.ts'
import {sourcesOf} from '../quotes/sources.ts'
import type {ArticleExport} from './types.ts'

/** The columns, in order. */
export const csvColumns = [
  'file',
  'kind',
  'type',
  'id',
  'text',
  'start',
  'end',
  'line',
  'name',
  'role',
  'value',
  'speaker',
  'verb',
  'verdict',
  'verdict_source',
  'note',
  'origin',
  'reviewer'
] as const

type Row = Partial<Record<(typeof csvColumns)[number], string | number>>

/**
 * Export articles as CSV.
 *
 * @param articles
 *   Articles.
 * @returns
 *   CSV text (CRLF line ends, ending in CRLF).
 */
export function toCsv(articles: ReadonlyArray<ArticleExport>): string {
  const rows: Row[] = articles.flatMap((article) => rowsOf(article))
  const lines = [csvColumns.join(','), ...rows.map((row) => csvColumns.map((column) => field(row[column])).join(','))]
  return lines.join('\r\n') + '\r\n'
}

function rowsOf({source, result, annotations, meta}: ArticleExport): Row[] {
  const review = applyAnnotations(result, annotations, {workspaceRejects: meta.workspaceRejects})
  const point = codePointIndex(source)
  const line = lineIndex(source)
  const at = (span: {start: number; end: number; text: string}) => ({
    text: span.text,
    start: point(span.start),
    end: point(span.end),
    line: line(span.start)
  })
  const rows: Row[] = []
  for (const entity of review.entities) {
    for (const mention of entity.mentions) {
      rows.push({
        file: meta.file,
        kind: 'entity',
        type: entity.type,
        id: entity.id,
        ...at(mention),
        name: entity.name,
        role: entity.role ?? '',
        origin: entity.origin
      })
    }
  }

  for (const date of review.dates) {
    rows.push({file: meta.file, kind: 'date', type: date.type, ...at(date), value: date.value, origin: date.origin})
  }

  for (const claim of review.claims) {
    const row: Row = {
      file: meta.file,
      kind: 'claim',
      type: claim.kind,
      ...at(claim),
      speaker: claim.speaker?.name ?? '',
      verb: claim.verb ?? '',
      origin: claim.origin
    }
    if (claim.verdicts.length === 0) rows.push(row)
    // One row per verdict: two reviewers of one claim give two rows.
    for (const verdict of claim.verdicts) {
      rows.push({
        ...row,
        verdict: verdict.verdict,
        verdict_source: verdict.source ?? '',
        note: verdict.note ?? '',
        reviewer: verdict.creator?.name ?? ''
      })
    }
  }

  for (const item of sourcesOf(review)) {
    for (const quote of item.quotes) {
      rows.push({
        file: meta.file,
        kind: 'quote',
        type: quote.kind,
        ...at({start: quote.start, end: quote.end, text: source.slice(quote.start, quote.end)}),
        role: item.role ?? '',
        value: item.kind,
        speaker: item.name,
        verb: quote.cue?.text ?? '',
        origin: 'machine'
      })
    }
  }

  return rows.sort((a, b) => Number(a.start) - Number(b.start) || Number(b.end) - Number(a.end))
}

/**
 * What a spreadsheet may run as a formula: a field starting with a line
 * break or tab, or with `=`, `+`, `-` or `@` (or a full-width, small or
 * mathematical lookalike of one, which spreadsheets in some locales take
 * for it) after any white space.
 */
const formula = /^(?:[\t\r\n]|[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B\u2212\u2795\u2796])/

/**
 * One CSV field: control characters (ESC, BEL, …; not tab or line breaks)
 * replaced by U+FFFD, a formula defused with a leading `'`, quoted when it
 * holds a comma, quote or line break.
 *
 * @param value
 *   Value.
 * @returns
 *   CSV field.
 */
function field(value: string | number | undefined): string {
  if (value === undefined) return ''
  if (typeof value === 'number') return String(value)
  const clean = value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '\uFFFD')
  const safe = formula.test(clean) ? "'" + clean : clean
  return /[",\r\n]/.test(safe) ? '"' + safe.replace(/"/g, '""') + '"' : safe
}
