/**
 * Words for tags, shared by the hover, the tree, symbols, the status bar
 * and the preview's tooltips so that they say the same thing.
 *
 * Pure (no `vscode`): the language service and the preview’s tooltips use them.
 * `labels.ts` re-exports these next to the icons.
 */
import type {ClaimVerdict, ReviewedClaim, Verdict} from '../core/annotations/index.ts'
import type {Claim, ClaimKind, EntityType} from '../core/types.ts'

/** Entity types in display order. */
export const entityTypes: readonly EntityType[] = ['PER', 'ORG', 'LOC', 'MISC']

const typeNames: Record<EntityType, readonly [string, string]> = {
  PER: ['Person', 'People'],
  ORG: ['Organisation', 'Organisations'],
  LOC: ['Place', 'Places'],
  MISC: ['Other', 'Other']
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
 * `1 mention`, `2 mentions`.
 * @param count
 *   How many.
 * @param noun
 *   The noun, singular.
 * @param nouns
 *   Its plural.
 * @returns
 *   The count and the noun.
 */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`
}

/**
 * Escape text for Markdown (a hover).
 * @param text
 *   Text from the article.
 * @returns
 *   Markdown that shows the text as it is.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~$]/g, '\\$&')
}
