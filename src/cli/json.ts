/**
 * The CLI's JSON shape of a tagged file.
 */
import type {VFile} from 'vfile'
import type {NewsmarkResult} from '../core/types.ts'

/** A finding in JSON. */
export interface JsonMessage {
  ruleId: string
  severity: 'error' | 'warning' | 'info'
  /** Start offset, `null` for a message about the whole file. */
  start: number | null
  end: number | null
  line: number | null
  column: number | null
  reason: string
}

/** One tagged file in JSON. */
export interface JsonResult extends Omit<NewsmarkResult, 'referenceDate'> {
  file: string
  /** Reference date, `null` when none was found or given. */
  referenceDate: string | null
  messages: JsonMessage[]
}

/**
 * The JSON result of a tagged file.
 *
 * @param file
 *   File after `analyze`.
 * @returns
 *   Plain object for `JSON.stringify`.
 */
export function toJson(file: VFile): JsonResult {
  const data = file.data.newsmark ?? {entities: [], dates: [], claims: []}
  return {
    file: file.path,
    referenceDate: data.referenceDate ?? null,
    entities: data.entities,
    dates: data.dates,
    claims: data.claims,
    ...(data.quotes ? {quotes: data.quotes} : {}),
    ...(data.toCheck ? {toCheck: data.toCheck} : {}),
    messages: file.messages.map((message) => {
      const place = message.place
      // A position has a start and an end; a point is where both are.
      const start = place ? ('start' in place ? place.start : place) : undefined
      const end = place ? ('end' in place ? place.end : place) : undefined
      return {
        ruleId: message.ruleId ?? 'unknown',
        severity: message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info',
        start: start?.offset ?? null,
        end: end?.offset ?? null,
        line: message.line ?? null,
        column: message.column ?? null,
        reason: message.reason
      }
    })
  }
}
