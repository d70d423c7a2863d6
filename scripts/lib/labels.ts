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
  /**
   * Eight hex digits of the SHA-1 of the message that was judged (a claim
   * to check's without its rank: `judgedMessage`), in labels made since it
   * is kept (a hash: messages quote the article's words): a finding whose
   * message differs now (another value, another reason) is judged again,
   * and counts as unlabelled until it is.
   */
  messageHash?: string
}

/** A finding now, with its message when known. */
export interface FindingNow extends RuleSpan {
  message?: string
}

/**
 * A finding's message as labels keep it: the hash of the message without a
 * claim to check's rank (“(2 of 5)”), which moves when other claims come
 * or go.
 *
 * @param message
 *   Message.
 * @returns
 *   Eight hex digits.
 */
export function judgedMessage(message: string): string {
  return crypto.createHash('sha1').update(message.replace(/^(Claim to check) \(\d+ of \d+\)/, '$1')).digest('hex').slice(0, 8)
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
 *   Findings with no label (new since labelling, not yet labelled, or
 *   whose message changed since).
 */
export function countFindings(findings: ReadonlyArray<FindingNow>, labels: ReadonlyArray<FindingLabel>, counts: Map<string, RuleCount>): FindingNow[] {
  const unlabelled: FindingNow[] = []
  for (const finding of findings) {
    const count = counts.get(finding.rule) ?? {findings: 0, useful: 0, debatable: 0, noise: 0, unlabelled: 0}
    counts.set(finding.rule, count)
    count.findings++
    const label = matchLabel(finding, labels)
    // A verdict on another message than the one shown now does not hold.
    const changed = label?.messageHash !== undefined && finding.message !== undefined && label.messageHash !== judgedMessage(finding.message)
    const verdict = changed ? undefined : label?.verdict
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

/** A labelled entity cluster (`docs/labelling.md`). */
export interface EntityLabel {
  type: string
  mentions: ReadonlyArray<readonly [number, number]>
  verdict: string | null
  goldType?: string | null
}

/**
 * The label a cluster is judged by: the one of its first mention; but when
 * that one is a split part (`wrong-span`) and the cluster took in more
 * mentions of a real entity's label (`right` or `wrong-type`), that label:
 * the split is healed (“Centers for Disease Control and Prevention” joined
 * to the “CDC” labelled right).
 *
 * @param entity
 *   Cluster now.
 * @param labels
 *   The article's labelled clusters.
 * @returns
 *   Label, if any.
 */
function labelOf(entity: EntityNow, labels: ReadonlyArray<EntityLabel>): EntityLabel | undefined {
  const first = entity.mentions[0]
  if (!first) return undefined
  const judged = labels.filter((item) => typeof item.verdict === 'string')
  const label = judged.find((item) => item.mentions.some(([start, end]) => start === first.start && end === first.end))
  if (label?.verdict !== 'wrong-span') return label
  const shared = (item: EntityLabel) => item.mentions.filter(([start, end]) => entity.mentions.some((mention) => mention.start === start && mention.end === end)).length
  let best: EntityLabel | undefined
  for (const item of judged) {
    if (item === label || (item.verdict !== 'right' && item.verdict !== 'wrong-type')) continue
    if (shared(item) > shared(label) && (!best || shared(item) > shared(best))) best = item
  }

  return best ?? label
}

/** A named entity the labeller found untagged. */
export interface MissedEntity extends Span {
  type: string
}

/** An entity cluster as Newsmark gives it now. */
export interface EntityNow {
  type: string
  mentions: ReadonlyArray<Span>
}

/** Entity clusters of one article against their labels. */
export interface EntityCount {
  /** Clusters Newsmark gives now. */
  clusters: number
  /** Clusters judged (matched to a labelled cluster or a missed entity). */
  labelled: number
  /** Judged right now. */
  right: number
  /** Real entities with a known name and type: labelled `right` or `wrong-type` clusters and missed entities. */
  gold: number
  /** Of `gold`, those found now with their type (each at most once). */
  found: number
  /** Missed entities not tagged now with their type. */
  missed: number
}

/**
 * Judge the entity clusters Newsmark gives now against labels made on an
 * older output. A cluster stands for the labelled cluster that has its first
 * mention (the same offsets), or else for the missed entity with that span.
 * It is right when:
 *
 * - the label was `right` and its type is still the labelled type (a type
 *   changed since is wrong now);
 * - the label was `wrong-type` and its type is now the `goldType`;
 * - it is a missed entity now tagged with the missed entity's type.
 *
 * `not-entity`, `wrong-span` and `merged` stay wrong (the same first span,
 * nothing says the fault is gone). A label makes one cluster right at most:
 * a second cluster standing for it is a split, wrong as the guideline says.
 * Clusters that stand for no label are not judged (`clusters - labelled`).
 *
 * Recall is `found / gold`: the real entities whose name and type the labels
 * give (labelled right, labelled wrong-type with their gold type, missed),
 * found now with that type, so a cluster dropped or retyped costs recall.
 *
 * @param entities
 *   Clusters now, in document order of their first mention.
 * @param labels
 *   The article's labelled clusters.
 * @param missedEntities
 *   The article's missed entities.
 * @returns
 *   Counts.
 */
export function countEntities(entities: ReadonlyArray<EntityNow>, labels: ReadonlyArray<EntityLabel>, missedEntities: ReadonlyArray<MissedEntity>): EntityCount {
  return judgeEntities(entities, labels, missedEntities).count
}

/** Why an entity counts against precision or recall (`judgeEntities`). */
export interface EntityError {
  /** `wrong`: a judged cluster that is not right; `lost`: a real entity not found with its type. */
  kind: 'wrong' | 'lost'
  /** First mention of the cluster (`wrong`) or of the labelled entity (`lost`). */
  start: number
  end: number
  /** Type now (`wrong`: the cluster's; `lost`: of the cluster there now, if any). */
  type?: string | undefined
  /** The label's verdict (`missed` for a labelled missed entity). */
  verdict: string
  /** The gold type, when the label gives one. */
  gold?: string | undefined
}

/**
 * `countEntities` with the errors behind its counts, to study them: each
 * judged cluster that is not right, and each real entity not found with its
 * type.
 *
 * @param entities
 *   Clusters now, in document order of their first mention.
 * @param labels
 *   The article's labelled clusters.
 * @param missedEntities
 *   The article's missed entities.
 * @returns
 *   Counts and errors.
 */
export function judgeEntities(
  entities: ReadonlyArray<EntityNow>,
  labels: ReadonlyArray<EntityLabel>,
  missedEntities: ReadonlyArray<MissedEntity>
): {count: EntityCount; errors: EntityError[]} {
  const count: EntityCount = {clusters: 0, labelled: 0, right: 0, gold: 0, found: 0, missed: 0}
  const errors: EntityError[] = []
  const used = new Set<unknown>()
  for (const entity of entities) {
    count.clusters++
    const first = entity.mentions[0]
    if (!first) continue
    const label = labelOf(entity, labels)
    const missed = label ? undefined : missedEntities.find((item) => item.start === first.start && item.end === first.end)
    const item = label ?? missed
    if (!item) continue
    count.labelled++
    const gold = label ? (label.verdict === 'right' ? label.type : label.verdict === 'wrong-type' ? label.goldType : undefined) : missed?.type
    if (typeof gold === 'string' && entity.type === gold && !used.has(item)) {
      used.add(item)
      count.right++
    } else {
      const verdict = label ? (used.has(item) && typeof gold === 'string' && entity.type === gold ? 'split' : String(label.verdict)) : 'missed'
      errors.push({kind: 'wrong', start: first.start, end: first.end, type: entity.type, verdict, gold: gold ?? undefined})
    }
  }

  const now = (start: number, end: number) => entities.find((entity) => entity.mentions.some((mention) => mention.start === start && mention.end === end))?.type
  for (const label of labels) {
    if (label.verdict !== 'right' && label.verdict !== 'wrong-type') continue
    count.gold++
    if (used.has(label)) count.found++
    else {
      const [start, end] = label.mentions[0] ?? [0, 0]
      errors.push({kind: 'lost', start, end, type: now(start, end), verdict: label.verdict, gold: label.verdict === 'right' ? label.type : (label.goldType ?? undefined)})
    }
  }

  for (const missed of missedEntities) {
    count.gold++
    if (used.has(missed)) count.found++
    else {
      count.missed++
      errors.push({kind: 'lost', start: missed.start, end: missed.end, type: now(missed.start, missed.end), verdict: 'missed', gold: missed.type})
    }
  }

  return {count, errors}
}

/** A quote as Newsmark gives it: its content and the name of its source, if any. */
export interface QuoteSpan extends Span {
  /** Pieces of an interrupted quote's content. */
  parts?: ReadonlyArray<Span> | undefined
  /** Its cue (“said”), if any. */
  cue?: Span | undefined
  /** Who or what it is attributed to, if anyone (`start`/`end`: the source's words). */
  source?: ({name: string} & Partial<Span>) | undefined
}

/** A labelled statement and who made it (`goldSpeaker`: offsets of the speaker's words), or `n/a`. */
export interface StatementLabel extends Span {
  speakerVerdict?: string | null
  goldSpeaker?: [number, number] | null
}

/** Who said what, on the labelled statements, as the quotation model says it. */
export interface AttributionCount {
  /** Statements whose speaker is labelled (the article names one). */
  labelled: number
  /** Of those, a quote there names the labelled speaker. */
  right: number
  /** A quote there names someone else. */
  wrong: number
  /** No quote there, or one with no source. */
  none: number
  /** Statements the article attributes to no one, where a quote names a source. */
  invented: number
}

/**
 * The quote that stands for a labelled statement: the one that covers most of
 * it, at least 30% of it, counting its content, its cue and its source (a
 * short quotation with a long apposition after its speaker, `“We won,” said
 * Ann Lee, who …`, is the statement's quote, though its words are a small
 * part of the sentence).
 *
 * @param statement
 *   The labelled span.
 * @param quotes
 *   Quotes of the article.
 * @returns
 *   The quote, if any.
 */
export function quoteFor<Q extends Span>(statement: Span, quotes: ReadonlyArray<Q>): Q | undefined {
  let best: Q | undefined
  let bestOverlap = 0.3
  for (const quote of quotes) {
    const share = covered(statement, quote) / Math.max(1, statement.end - statement.start)
    if (share >= bestOverlap && (!best || share > bestOverlap)) {
      best = quote
      bestOverlap = share
    }
  }
  return best
}

/**
 * How many characters of a statement a quote's words cover: its content (or
 * its parts), its cue and its source, each counted once.
 *
 * @param statement
 *   The labelled span.
 * @param quote
 *   A quote.
 * @returns
 *   Characters covered.
 */
function covered(statement: Span, quote: QuoteSpan): number {
  const pieces: Span[] = [...(quote.parts ?? [quote])]
  if (quote.cue) pieces.push(quote.cue)
  if (quote.source && typeof quote.source.start === 'number' && typeof quote.source.end === 'number') {
    pieces.push({start: quote.source.start, end: quote.source.end})
  }
  pieces.sort((a, b) => a.start - b.start)
  let total = 0
  let reached = statement.start
  for (const piece of pieces) {
    const start = Math.max(piece.start, reached)
    const end = Math.min(piece.end, statement.end)
    if (end > start) {
      total += end - start
      reached = end
    }
  }
  return total
}

/**
 * Count who said what on the labelled statements of an article, whether or
 * not Newsmark highlights them as claims: each statement's quote (see
 * `quoteFor`) and its source's name against the labelled speaker's words.
 *
 * @param text
 *   The article.
 * @param labels
 *   Its labelled statements.
 * @param quotes
 *   Its quotes now.
 * @param same
 *   Whether a name names the labelled speaker's words.
 * @returns
 *   Counts.
 */
export function countAttribution(
  text: string,
  labels: ReadonlyArray<StatementLabel>,
  quotes: ReadonlyArray<QuoteSpan>,
  same: (name: string, gold: string) => boolean
): AttributionCount {
  const count: AttributionCount = {labelled: 0, right: 0, wrong: 0, none: 0, invented: 0}
  for (const label of labels) {
    const name = quoteFor(label, quotes)?.source?.name
    if (Array.isArray(label.goldSpeaker) && label.speakerVerdict !== 'n/a') {
      count.labelled++
      if (!name) count.none++
      else if (same(name, text.slice(label.goldSpeaker[0], label.goldSpeaker[1]))) count.right++
      else count.wrong++
    } else if (label.speakerVerdict === 'n/a' && name) {
      count.invented++
    }
  }
  return count
}
