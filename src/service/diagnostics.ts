/**
 * Findings as diagnostics: a vfile message (a core finding, a problem in
 * the sidecar or in an inline directive) becomes a diagnostic with UTF-16
 * offsets, a level, the rule id as its code and where the rule is
 * documented. VS Code and the language server each only convert these.
 */
import type {VFileMessage} from 'vfile-message'
import type {ArticleAnalysis} from './analysis.ts'
import type {Level} from './levels.ts'
import type {Offsets} from './positions.ts'

/** A diagnostic's level (`off` is left out altogether). */
export type Severity = Exclude<Level, 'off'>

/** A diagnostic, in UTF-16 offsets of the article. */
export interface DiagnosticData {
  readonly start: number
  readonly end: number
  readonly message: string
  readonly severity: Severity
  /** The rule id (`loaded-verb`, `sidecar-invalid`, …). */
  readonly code?: string
  /** Where the rule is documented. */
  readonly url?: string
  /** A place in the article that goes with it (the earlier date of an inconsistency). */
  readonly related?: {readonly start: number; readonly end: number; readonly message: string}
  /** Replacements the rule suggests (`message.expected`), for quick fixes. */
  readonly expected?: readonly string[]
}

/**
 * Offsets of a message's place: its offsets when the core set them, its
 * 1-based lines and columns otherwise.
 * @param lines
 *   The article's line index.
 * @param place
 *   `message.place`.
 * @returns
 *   Offsets (empty at a point; the start of the article without a place).
 */
export function placeSpan(lines: Offsets, place: VFileMessage['place']): {start: number; end: number} {
  if (!place) return {start: 0, end: 0}
  if ('start' in place) {
    const start = pointOffset(lines, place.start)
    return {start, end: Math.max(start, pointOffset(lines, place.end))}
  }
  const point = pointOffset(lines, place)
  return {start: point, end: point}
}

function pointOffset(lines: Offsets, point: {line: number; column: number; offset?: number | undefined}): number {
  if (typeof point.offset === 'number') return point.offset
  return lines.offsetAt({line: Math.max(0, point.line - 1), character: Math.max(0, point.column - 1)})
}

/**
 * Where the article's first line ends: what a problem with the whole article
 * (its configuration, its sidecar) is shown on.
 * @param lines
 *   The article's line index.
 * @returns
 *   Offset.
 */
export function firstLineEnd(lines: Offsets): number {
  return lines.offsetAt({line: 0, character: Number.MAX_SAFE_INTEGER})
}

/**
 * The level of a message when no setting says otherwise: `fatal: true` an
 * error, `fatal: false` a warning, else information.
 * @param message
 *   A message.
 * @returns
 *   Its level.
 */
export function defaultSeverity(message: Pick<VFileMessage, 'fatal'>): Severity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
}

/**
 * A message as a diagnostic.
 * @param lines
 *   The article's line index.
 * @param message
 *   A finding.
 * @param level
 *   The level chosen for its rule, if any.
 * @param docs
 *   Where a rule is documented (else `message.url`).
 * @returns
 *   The diagnostic, or nothing when its level is `off`.
 */
export function messageDiagnostic(lines: Offsets, message: VFileMessage, level?: Level, docs?: (ruleId: string) => string | undefined): DiagnosticData | undefined {
  if (level === 'off') return undefined
  const {start, end} = placeSpan(lines, message.place)
  const url = message.ruleId ? (docs?.(message.ruleId) ?? message.url) : undefined
  const related = relatedOf(lines, message)
  return {
    start,
    end,
    message: message.note ? `${message.reason}\n${message.note}` : message.reason,
    severity: level ?? defaultSeverity(message),
    ...(message.ruleId ? {code: message.ruleId} : {}),
    ...(url ? {url} : {}),
    ...(related ? {related} : {}),
    ...(message.expected && message.expected.length > 0 ? {expected: message.expected} : {})
  }
}

function relatedOf(lines: Offsets, message: VFileMessage): DiagnosticData['related'] {
  const cause: unknown = message.cause
  if (!cause || typeof cause !== 'object' || !('place' in cause)) return undefined
  const {place, reason, message: text} = cause as Partial<VFileMessage>
  if (!place) return undefined
  return {...placeSpan(lines, place), message: reason ?? text ?? ''}
}

/**
 * The diagnostics of an analysis: its findings, then what could not be read
 * with the article (its sidecar, its inline directives).
 * @param lines
 *   The article's line index (at the analysis's version).
 * @param analysis
 *   Its analysis.
 * @param options
 *   Levels per rule id and where rules are documented.
 * @returns
 *   Diagnostics, in the order of the messages.
 */
export function diagnosticsOf(
  lines: Offsets,
  analysis: Pick<ArticleAnalysis, 'messages' | 'review'>,
  options: {readonly severity?: Readonly<Record<string, Level>>; readonly docs?: (ruleId: string) => string | undefined} = {}
): DiagnosticData[] {
  const severity = options.severity ?? {}
  const diagnostics: DiagnosticData[] = []
  for (const message of analysis.messages) {
    const diagnostic = messageDiagnostic(lines, message, message.ruleId ? severity[message.ruleId] : undefined, options.docs)
    if (diagnostic) diagnostics.push(diagnostic)
  }
  for (const message of analysis.review.messages) {
    const diagnostic = messageDiagnostic(lines, message, message.ruleId ? severity[message.ruleId] : undefined, options.docs)
    if (diagnostic) diagnostics.push(diagnostic)
  }
  return diagnostics
}
