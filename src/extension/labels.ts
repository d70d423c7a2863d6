/**
 * Words and icons for tags, shared by the hover, the tree, symbols and the
 * status bar so that they say the same thing.
 */
import * as vscode from 'vscode'
import type {ClaimVerdict, ReviewedClaim, Verdict} from '../core/annotations/index.ts'
import type {Claim, ClaimKind, EntityType} from '../core/types.ts'

/** Entity types in display order. */
export const entityTypes: readonly EntityType[] = ['PER', 'ORG', 'LOC', 'MISC']

const typeNames: Record<EntityType, readonly [string, string, string]> = {
  PER: ['Person', 'People', 'person'],
  ORG: ['Organisation', 'Organisations', 'organization'],
  LOC: ['Place', 'Places', 'location'],
  MISC: ['Other', 'Other', 'symbol-misc']
}

const kindNames: Record<ClaimKind, string> = {
  statistic: 'statistic',
  prediction: 'prediction',
  causal: 'causal claim',
  quote: 'quote',
  reported: 'reported statement',
  factual: 'factual claim'
}

/**
 * Name of an entity type.
 * @param type
 *   `PER`, `ORG`, `LOC` or `MISC`.
 * @param plural
 *   Whether to give the plural (`People`).
 * @returns
 *   `Person`, `Organisation`, `Place` or `Other`.
 */
export function entityTypeName(type: EntityType, plural = false): string {
  return typeNames[type][plural ? 1 : 0]
}

/**
 * Codicon of an entity type.
 * @param type
 *   The type.
 * @returns
 *   A theme icon.
 */
export function entityIcon(type: EntityType): vscode.ThemeIcon {
  return new vscode.ThemeIcon(typeNames[type][2])
}

/**
 * Name of a claim kind.
 * @param kind
 *   The kind.
 * @returns
 *   `statistic`, `reported statement`…
 */
export function claimKindName(kind: ClaimKind): string {
  return kindNames[kind] ?? kind
}

/**
 * The verdict given to a claim (by an annotation), if any.
 * @param claim
 *   The claim, reviewed or not.
 * @returns
 *   The verdict with its source and note.
 */
export function verdictOf(claim: Claim): ClaimVerdict | undefined {
  const value: unknown = (claim as Partial<ReviewedClaim>).verdict
  return value && typeof value === 'object' && 'verdict' in value ? (value as ClaimVerdict) : undefined
}

const verdictNames: Record<Verdict, string> = {
  true: 'true',
  'mostly-true': 'mostly true',
  misleading: 'misleading',
  false: 'false',
  unverifiable: 'unverifiable',
  'needs-checking': 'needs checking'
}

/** What each verdict means, for pickers. */
export const verdictDescriptions: Record<Verdict, string> = {
  true: 'Accurate, nothing significant missing',
  'mostly-true': 'Accurate, but needs context or a detail is off',
  misleading: 'Contains accurate elements but gives a wrong impression',
  false: 'Not accurate',
  unverifiable: 'Cannot be checked with the evidence available',
  'needs-checking': 'To do: not reviewed yet'
}

/**
 * A verdict in words.
 * @param verdict
 *   `mostly-true`…
 * @returns
 *   `mostly true`…
 */
export function verdictName(verdict: Verdict): string {
  return verdictNames[verdict] ?? verdict
}

/**
 * Codicon of a verdict.
 * @param verdict
 *   The verdict.
 * @returns
 *   A coloured theme icon.
 */
export function verdictIcon(verdict: Verdict): vscode.ThemeIcon {
  switch (verdict) {
    case 'true':
    case 'mostly-true':
      return new vscode.ThemeIcon(verdict === 'true' ? 'pass' : 'pass-filled', new vscode.ThemeColor('testing.iconPassed'))
    case 'false':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'))
    case 'misleading':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
    case 'unverifiable':
      return new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('problemsWarningIcon.foreground'))
    default:
      return new vscode.ThemeIcon('search', new vscode.ThemeColor('problemsInfoIcon.foreground'))
  }
}

/**
 * Icon of a claim: its verdict if it has one, else whether it is attributed.
 * @param claim
 *   The claim.
 * @returns
 *   A coloured theme icon.
 */
export function claimIcon(claim: Claim): vscode.ThemeIcon {
  const verdict = verdictOf(claim)
  if (verdict) return verdictIcon(verdict.verdict)
  if (!claim.speaker) return new vscode.ThemeIcon('question', new vscode.ThemeColor('problemsWarningIcon.foreground'))
  return new vscode.ThemeIcon('comment-discussion')
}

/**
 * Shorten text for a one-line label.
 * @param text
 *   Any text.
 * @param max
 *   Most characters kept.
 * @returns
 *   The text on one line, with `…` when cut.
 */
export function truncate(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line
}

/**
 * Count with a noun.
 * @param count
 *   How many.
 * @param noun
 *   Singular noun.
 * @param nouns
 *   Plural noun (default: `noun + 's'`).
 * @returns
 *   `1 mention`, `3 mentions`.
 */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`
}

/**
 * Escape text for a `MarkdownString`.
 * @param text
 *   Text from the article.
 * @returns
 *   Text that renders as itself.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~$]/g, '\\$&')
}
