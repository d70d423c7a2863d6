/**
 * Which claims of an article are most worth checking, best first, and why
 * (`claim-to-check` reports them; the sidebar lists them).
 *
 * A claim's rank is the claim model's check-worthiness times a weight for
 * its kind (a cause or a statistic weighs more than a plain fact, a quote
 * of feelings least) and one for its source (no source or an unnamed group
 * before a named one). Page furniture (captions, credits, sign-up lines),
 * headings, claims below the model's 0.7 and a claim that repeats one
 * already listed are left out, and so is every claim of a genre with none
 * to check (game stories, reviews, recipes, lists).
 */
import type {RuleContext, SentenceInfo} from '../rules/context.ts'
import {hasClaimsToCheck} from '../genre.ts'
import {vagueSources} from '../rules/vague.ts'
import type {Claim, ClaimKind} from '../types.ts'
import {isFurniture} from './statement.ts'
import {defaultClaimsToCheck, maxClaimsToCheck} from './to-check.ts'

/** A claim to check. */
export interface RankedClaim {
  claim: Claim
  /** Why: its kind and who stands behind it. */
  reason: string
  /** The rank score (higher first). */
  score: number
}

// Claims the model scores lower are not listed, however few the article has.
const floor = 0.7

const kindWeight: Readonly<Record<ClaimKind, number>> = {
  causal: 1.2,
  statistic: 1,
  prediction: 1,
  factual: 0.9,
  reported: 0.9,
  quote: 0.5
}

const kindName: Readonly<Record<ClaimKind, string>> = {
  causal: 'causal claim',
  statistic: 'statistic',
  prediction: 'prediction',
  factual: 'factual claim',
  reported: 'reported claim',
  quote: 'quoted claim'
}

/**
 * The claims of an article to check, best first.
 *
 * @param context
 *   The tagged document.
 * @param count
 *   How many at most (default: 5; at most 10).
 * @returns
 *   Ranked claims.
 */
export function rankClaims(context: RuleContext, count = defaultClaimsToCheck): RankedClaim[] {
  const limit = Math.max(0, Math.min(maxClaimsToCheck, Math.floor(count)))
  if (limit === 0 || !hasClaimsToCheck(context.kind.genre)) return []
  const vague = new Set(vagueSources(context).map((found) => found.sentence))
  const candidates: RankedClaim[] = []
  for (const sentence of context.sentences) {
    const claim = sentence.claim
    if (!claim || claim.score < floor || sentence.heading || sentence.table) continue
    const text = context.source.slice(claim.start, claim.end)
    if (isFurniture(text)) continue
    const source = sourceOf(sentence, vague.has(sentence))
    candidates.push({
      claim,
      reason: `${kindName[claim.kind]} ${source.phrase}`,
      score: claim.score * kindWeight[claim.kind] * source.weight
    })
  }

  // Best first; at equal scores, the earlier claim.
  candidates.sort((a, b) => b.score - a.score || a.claim.start - b.claim.start)
  const listed: RankedClaim[] = []
  const words: Array<Set<string>> = []
  for (const candidate of candidates) {
    if (listed.length === limit) break
    const own = contentWords(context.source.slice(candidate.claim.start, candidate.claim.end))
    if (words.some((other) => similar(own, other))) continue
    listed.push(candidate)
    words.push(own)
  }

  return listed
}

/**
 * Who stands behind a claim, in words, and how much that raises its need
 * for a check.
 *
 * @param sentence
 *   The claim's sentence.
 * @param vague
 *   Whether its source is an unnamed group.
 * @returns
 *   Phrase and weight.
 */
function sourceOf(sentence: SentenceInfo, vague: boolean): {phrase: string; weight: number} {
  if (vague) return {phrase: 'attributed to an unnamed source', weight: 1}
  if (sentence.speaker) return {phrase: `attributed to ${sentence.speaker.name}`, weight: 0.85}
  if (sentence.cited) return {phrase: 'with a cited source', weight: 0.8}
  return {phrase: 'with no source', weight: 1}
}

/**
 * The content words of a text (lower case, four letters or more).
 *
 * @param text
 *   Text.
 * @returns
 *   Words.
 */
function contentWords(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/\p{L}{4,}/gu) ?? [])
}

/**
 * Whether two claims say much the same: most of the smaller one's words are
 * in the other.
 *
 * @param a
 *   Words of one.
 * @param b
 *   Words of the other.
 * @returns
 *   Whether they are alike.
 */
function similar(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  // A claim with no content word (“He was 72.”) is like no other.
  if (small.size === 0) return false
  let shared = 0
  for (const word of small) if (large.has(word)) shared++
  return shared / small.size >= 0.6
}
