/**
 * Core results to editor types: offsets to ranges, vfile messages to
 * diagnostics. The only place where unist/UTF-16 positions become
 * `vscode.Range`s.
 */
import * as vscode from 'vscode'
import type {VFileMessage} from 'vfile-message'
import type {Span} from '../core/types.ts'
import {toSeverity, type Level} from './config.ts'

/** Something that turns offsets into positions: a `TextDocument` or a {@link LineIndex}. */
export interface PositionSource {
  positionAt(offset: number): vscode.Position
}

/**
 * Range of UTF-16 offsets.
 * @param document
 *   The document the offsets point into.
 * @param start
 *   Start offset (inclusive).
 * @param end
 *   End offset (exclusive).
 * @returns
 *   The range.
 */
export function toRange(document: PositionSource, start: number, end: number): vscode.Range {
  return new vscode.Range(document.positionAt(start), document.positionAt(end))
}

/**
 * Range of a tagged span.
 * @param document
 *   The document.
 * @param span
 *   A mention, date or claim.
 * @returns
 *   The range.
 */
export function spanRange(document: PositionSource, span: Span): vscode.Range {
  return toRange(document, span.start, span.end)
}

/**
 * Range of a message's place (a point or a position); offsets when present,
 * 1-based line and column otherwise.
 * @param document
 *   The document.
 * @param place
 *   `message.place`.
 * @returns
 *   The range (empty for a point; the document start when there is no place).
 */
export function placeRange(document: PositionSource, place: VFileMessage['place']): vscode.Range {
  if (!place) return new vscode.Range(0, 0, 0, 0)
  if ('start' in place) {
    const start = toPosition(document, place.start)
    const end = toPosition(document, place.end)
    return new vscode.Range(start, end.isBefore(start) ? start : end)
  }
  const point = toPosition(document, place)
  return new vscode.Range(point, point)
}

/**
 * Turn a core finding into a diagnostic.
 * @param document
 *   The document the message is about.
 * @param message
 *   A vfile message from the core.
 * @param level
 *   Severity override from the settings, if any.
 * @param docs
 *   Where a rule is documented (default: the message's `url`).
 * @returns
 *   The diagnostic, or `undefined` when the rule is turned off.
 */
export function toDiagnostic(
  document: vscode.TextDocument,
  message: VFileMessage,
  level?: Level,
  docs?: (ruleId: string) => vscode.Uri | undefined
): vscode.Diagnostic | undefined {
  const severity = level ? toSeverity(level) : defaultSeverity(message)
  if (severity === undefined) return undefined
  const text = message.note ? `${message.reason}\n${message.note}` : message.reason
  const diagnostic = new vscode.Diagnostic(placeRange(document, message.place), text, severity)
  diagnostic.source = 'newsmark'
  if (message.ruleId) {
    const target = docs?.(message.ruleId) ?? (message.url ? vscode.Uri.parse(message.url) : undefined)
    diagnostic.code = target ? {value: message.ruleId, target} : message.ruleId
  }
  const related = relatedOf(document, message)
  if (related) diagnostic.relatedInformation = [related]
  return diagnostic
}

/**
 * Severity the core gave a message: `fatal` true, false, undefined.
 * @param message
 *   The message.
 * @returns
 *   Error, Warning or Information.
 */
export function defaultSeverity(message: VFileMessage): vscode.DiagnosticSeverity {
  return message.fatal === true
    ? vscode.DiagnosticSeverity.Error
    : message.fatal === false
      ? vscode.DiagnosticSeverity.Warning
      : vscode.DiagnosticSeverity.Information
}

/**
 * Turn offsets into positions for text that is not open in an editor.
 */
export class LineIndex implements PositionSource {
  readonly #starts: number[] = [0]

  /**
   * @param text
   *   The whole text.
   */
  constructor(text: string) {
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index)
      if (code === 10 /* \n */ || (code === 13 /* \r */ && text.charCodeAt(index + 1) !== 10)) {
        this.#starts.push(index + 1)
      }
    }
  }

  positionAt(offset: number): vscode.Position {
    let low = 0
    let high = this.#starts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (this.#starts[middle]! <= offset) low = middle
      else high = middle - 1
    }
    return new vscode.Position(low, Math.max(0, offset - this.#starts[low]!))
  }
}

function toPosition(document: PositionSource, point: {line: number; column: number; offset?: number | undefined}): vscode.Position {
  if (typeof point.offset === 'number') return document.positionAt(point.offset)
  return new vscode.Position(Math.max(0, point.line - 1), Math.max(0, point.column - 1))
}

function relatedOf(document: vscode.TextDocument, message: VFileMessage): vscode.DiagnosticRelatedInformation | undefined {
  const cause: unknown = message.cause
  if (!cause || typeof cause !== 'object' || !('place' in cause)) return undefined
  const {place, reason, message: text} = cause as Partial<VFileMessage>
  if (!place) return undefined
  return new vscode.DiagnosticRelatedInformation(new vscode.Location(document.uri, placeRange(document, place)), reason ?? text ?? '')
}
