/**
 * The language service's plain data to editor types: offsets to ranges,
 * diagnostics with offsets to `vscode.Diagnostic`s. The only place where
 * UTF-16 offsets and unist positions become `vscode.Range`s.
 */
import * as vscode from 'vscode'
import type {VFileMessage} from 'vfile-message'
import type {Span} from '../core/types.ts'
import {defaultSeverity as levelOf, placeSpan, type DiagnosticData, type Severity} from '../service/diagnostics.ts'
import {LineIndex as PlainLineIndex, type Offsets} from '../service/positions.ts'
import {toSeverity} from './config.ts'

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
 * Range of a message's place (see `placeSpan`).
 * @param document
 *   The document.
 * @param place
 *   `message.place`.
 * @returns
 *   The range (empty for a point; the document start when there is no place).
 */
export function placeRange(document: vscode.TextDocument, place: VFileMessage['place']): vscode.Range {
  const {start, end} = placeSpan(offsetsOf(document), place)
  return toRange(document, start, end)
}

/**
 * A document's own line index as the language service's `Offsets` (no copy
 * of the text: a 1 MB article is not read again for each finding).
 * @param document
 *   The document.
 * @returns
 *   Offsets.
 */
export function offsetsOf(document: vscode.TextDocument): Offsets {
  return {offsetAt: (position) => document.offsetAt(new vscode.Position(position.line, position.character))}
}

/**
 * A diagnostic of the language service as VS Code's.
 * @param document
 *   The document.
 * @param data
 *   The diagnostic.
 * @param target
 *   Where its code links to (else its `url`).
 * @param related
 *   Another place that goes with it (else its `related`, in the document).
 * @returns
 *   The diagnostic.
 */
export function toDiagnostic(document: vscode.TextDocument, data: DiagnosticData, target?: vscode.Uri, related?: vscode.Location): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(document, data.start, data.end), data.message, toSeverity(data.severity)!)
  diagnostic.source = 'newsmark'
  if (data.code) {
    const link = target ?? (data.url ? vscode.Uri.parse(data.url) : undefined)
    diagnostic.code = link ? {value: data.code, target: link} : data.code
  }
  if (related) {
    diagnostic.relatedInformation = [new vscode.DiagnosticRelatedInformation(related, 'here')]
  } else if (data.related) {
    diagnostic.relatedInformation = [new vscode.DiagnosticRelatedInformation(new vscode.Location(document.uri, toRange(document, data.related.start, data.related.end)), data.related.message)]
  }
  return diagnostic
}

/**
 * The severity of a message when no setting says otherwise.
 * @param message
 *   A message.
 * @returns
 *   Its severity.
 */
export function defaultSeverity(message: VFileMessage): vscode.DiagnosticSeverity {
  return toSeverity(levelOf(message) satisfies Severity)!
}

/**
 * Turn offsets into positions for text that is not open in an editor.
 */
export class LineIndex implements PositionSource {
  readonly #lines: PlainLineIndex

  /**
   * @param text
   *   The whole text.
   */
  constructor(text: string) {
    this.#lines = new PlainLineIndex(text)
  }

  positionAt(offset: number): vscode.Position {
    const {line, character} = this.#lines.positionAt(offset)
    return new vscode.Position(line, character)
  }
}
