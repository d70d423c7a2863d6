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
export const findingVerdicts = ['useful', 'debatable', 'noise']

/**
 * Short hash of a span's text.
 *
 * @param {string} text
 *   Article text.
 * @param {number} start
 *   Start offset.
 * @param {number} end
 *   End offset.
 * @returns {string}
 *   Eight hex digits.
 */
export function spanHash(text, start, end) {
  return crypto.createHash('sha1').update(text.slice(start, end)).digest('hex').slice(0, 8)
}

/**
 * How much of the shorter of two spans the other covers (0–1).
 *
 * @param {{start: number, end: number}} a
 *   Span.
 * @param {{start: number, end: number}} b
 *   Span.
 * @returns {number}
 *   Overlap as a share of the shorter span.
 */
export function overlap(a, b) {
  const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start)
  if (shared <= 0) return 0
  return shared / Math.max(1, Math.min(a.end - a.start, b.end - b.start))
}

/**
 * Find the labelled item that a predicted item stands for: the same rule (or
 * none given) and the best overlap, at least half of the shorter span.
 *
 * @template {{start: number, end: number, rule?: string}} T
 * @param {{start: number, end: number, rule?: string}} item
 *   What Newsmark says now.
 * @param {ReadonlyArray<T>} labelled
 *   Labelled items.
 * @returns {T | undefined}
 *   The label, if any.
 */
export function matchLabel(item, labelled) {
  let best
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
 * @param {ReadonlyArray<{rule: string, start: number, end: number}>} findings
 *   Findings of one article as Newsmark gives them now.
 * @param {ReadonlyArray<{rule: string, start: number, end: number, verdict: string | null}>} labels
 *   The article's finding labels.
 * @param {Map<string, RuleCount>} counts
 *   Counts to add to, per rule id.
 * @returns {Array<{rule: string, start: number, end: number}>}
 *   Findings with no label (new since labelling, or not yet labelled).
 */
export function countFindings(findings, labels, counts) {
  const unlabelled = []
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
 * @typedef RuleCount
 *   Findings of one rule and their verdicts.
 * @property {number} findings
 *   Findings.
 * @property {number} useful
 *   Labelled useful.
 * @property {number} debatable
 *   Labelled debatable.
 * @property {number} noise
 *   Labelled noise.
 * @property {number} unlabelled
 *   Not matched to a label.
 */

/**
 * Useful share of the labelled findings of a count: debatable findings count
 * as not useful (`docs/labelling.md`); `undefined` with none labelled.
 *
 * @param {RuleCount} count
 *   Count.
 * @returns {number | undefined}
 *   Share from 0 to 1.
 */
export function usefulShare(count) {
  const labelled = count.useful + count.debatable + count.noise
  return labelled === 0 ? undefined : count.useful / labelled
}
