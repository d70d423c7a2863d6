/**
 * The CLI's JSON shape of a tagged file.
 */
import type {VFile} from 'vfile'
import type {NewsmarkResult} from '../core/types.ts'

/** A finding in JSON. */
export interface JsonMessage {
  ruleId: string
  severity: 'error' | 'warning' | 'info'
  start: number
  end: number
  line: number
  column: number
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
    messages: file.messages.map((message) => ({
      ruleId: message.ruleId ?? 'unknown',
      severity: message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info',
      start: message.place && 'start' in message.place ? (message.place.start.offset ?? 0) : 0,
      end: message.place && 'end' in message.place ? (message.place.end.offset ?? 0) : 0,
      line: message.line ?? 1,
      column: message.column ?? 1,
      reason: message.reason
    }))
  }
}
