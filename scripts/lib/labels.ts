/**
 * The labelled real-news sample (`data/realnews/`): reading the label files,
 * matching what Newsmark says now against what was labelled, and counting.
 * Plain data in, plain data out, so that `test/scripts/labels.test.ts` can
 * check it on made-up spans (the articles themselves live outside the repo).
 *
 * A label file holds offsets, rule ids, verdicts and short reasons in the
 * labeller's own words — never the article's text; `hash` (the first eight
 * hex digits of the SHA-1 of the span's text) tells whether an offset still
 * points at the same words.
 */
import crypto from 'node:crypto'

/** Verdicts a finding may get (`docs/labelling.md`). */
export const findingVerdicts = ['useful', 'debatable', 'noise'] as const

/** A span. */
export interface Span {
  start: number
  end: number
}

/** A finding as Newsmark gives it, or a label of one. */
export interface RuleSpan extends Span {
  rule: string
}

/** A labelled finding. */
export interface FindingLabel extends RuleSpan {
  verdict: string | null
}

/** Findings of one rule and their verdicts. */
export interface RuleCount {
  /** Findings. */
  findings: number
  /** Labelled useful. */
  useful: number
  /** Labelled debatable. */
  debatable: number
  /** Labelled noise. */
  noise: number
  /** Not matched to a label. */
  unlabelled: number
}

/**
 * Short hash of a span's text.
 *
 * @param text
 *   Article text.
 * @param start
 *   Start offset.
 * @param end
 *   End offset.
 * @returns
 *   Eight hex digits.
 */
export function spanHash(text: string, start: number, end: number): string {
  return crypto.createHash('sha1').update(text.slice(start, end)).digest('hex').slice(0, 8)
}

/**
 * How much of the shorter of two spans the other covers (0–1).
 *
 * @param a
 *   Span.
 * @param b
 *   Span.
 * @returns
 *   Overlap as a share of the shorter span.
 */
export function overlap(a: Span, b: Span): number {
  const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start)
  if (shared <= 0) return 0
  return shared / Math.max(1, Math.min(a.end - a.start, b.end - b.start))
}

/**
 * Find the labelled item that a predicted item stands for: the same rule (or
 * none given) and the best overlap, at least half of the shorter span.
 *
 * @typeParam T
 *   Label type.
 * @param item
 *   What Newsmark says now.
 * @param labelled
 *   Labelled items.
 * @returns
 *   The label, if any.
 */
export function matchLabel<T extends Span & {rule?: string}>(item: Span & {rule?: string}, labelled: ReadonlyArray<T>): T | undefined {
  let best: T | undefined
  let bestScore = 0.5
  for (const label of labelled) {
    if (item.rule !== undefined && label.rule !== item.rule) continue
    const score = overlap(item, label)
    // Exact spans first, then the larger overlap.
    const rank = score + (label.start === item.start && label.end === item.end ? 1 : 0)
    if (rank >= bestScore && (!best || rank > bestScore)) {
      best = label
      bestScore = rank
    }
  }

  return best
}

/**
 * Count findings per rule against their labels.
 *
 * @param findings
 *   Findings of one article as Newsmark gives them now.
 * @param labels
 *   The article's finding labels.
 * @param counts
 *   Counts to add to, per rule id.
 * @returns
 *   Findings with no label (new since labelling, or not yet labelled).
 */
export function countFindings(findings: ReadonlyArray<RuleSpan>, labels: ReadonlyArray<FindingLabel>, counts: Map<string, RuleCount>): RuleSpan[] {
  const unlabelled: RuleSpan[] = []
  for (const finding of findings) {
    const count = counts.get(finding.rule) ?? {findings: 0, useful: 0, debatable: 0, noise: 0, unlabelled: 0}
    counts.set(finding.rule, count)
    count.findings++
    const label = matchLabel(finding, labels)
    const verdict = label?.verdict
    if (verdict === 'useful' || verdict === 'debatable' || verdict === 'noise') count[verdict]++
    else {
      count.unlabelled++
      unlabelled.push(finding)
    }
  }

  return unlabelled
}

/**
 * Useful share of the labelled findings of a count: debatable findings count
 * as not useful (`docs/labelling.md`); `undefined` with none labelled.
 *
 * @param count
 *   Count.
 * @returns
 *   Share from 0 to 1.
 */
export function usefulShare(count: Readonly<RuleCount>): number | undefined {
  const labelled = count.useful + count.debatable + count.noise
  return labelled === 0 ? undefined : count.useful / labelled
}

/** A labelled date (`docs/labelling.md`): the value it had, the verdict, the value it should have. */
export interface DateLabel extends Span {
  value?: string | null
  verdict: string | null
  goldValue?: string | null
}

/**
 * Whether a date's value is right by its label: the labelled value when the
 * verdict was `right`, the gold value when it was `wrong-value`, never for
 * `not-date`. A value the tagger has since changed is judged on what it is
 * now, not on the verdict its old value got.
 *
 * @param value
 *   The date's value now.
 * @param label
 *   Its label.
 * @returns
 *   `undefined` when the label has no verdict.
 */
export function dateRight(value: string | undefined, label: Readonly<DateLabel>): boolean | undefined {
  if (typeof label.verdict !== 'string') return undefined
  const gold = label.verdict === 'right' ? label.value : label.verdict === 'wrong-value' ? label.goldValue : null
  return typeof gold === 'string' && value === gold
}
