/**
 * Apply manual annotations to the automatic tags: the reviewed result that
 * the exporters, the sidebar and the hovers show.
 *
 * Order: rejections remove machine tags with the rejected text; manual tags
 * replace the machine tags they overlap; merges join two entities; verdicts
 * attach to the claim that contains them (or become a claim of their own);
 * a claim keeps every verdict it gets (two reviewers, two verdicts).
 * An annotation that cannot be applied (a merge whose entities are gone) is
 * listed in `unapplied` with a reason, never dropped silently.
 */
import type {Claim, ClaimToCheck, DateTag, Entity, Mention, NewsmarkResult, Quote} from '../types.ts'
import type {Agent, Annotation, RejectAnnotation, Target, Verdict} from './types.ts'

/** Who made a tag. */
export type Origin = 'machine' | 'human'

/** An entity after review. */
export interface ReviewedEntity extends Entity {
  origin: Origin
}

/** A date after review. */
export interface ReviewedDate extends DateTag {
  origin: Origin
}

/** The verdict on a claim. */
export interface ClaimVerdict {
  verdict: Verdict
  /** The text that was checked (the claim or part of it). */
  text: string
  start: number
  end: number
  /** URL of the evidence. */
  source?: string
  note?: string
  /** Id of the verdict annotation. */
  annotation: string
  creator?: Agent
  /** When the verdict was given or last changed (ISO 8601). */
  date?: string
}

/** A claim after review. */
export interface ReviewedClaim extends Claim {
  origin: Origin
  /** The latest of `verdicts` (what the editor shows), if any. */
  verdict?: ClaimVerdict
  /**
   * Every verdict on the claim, oldest first: one per reviewer, or more
   * (on different parts of the claim). Exports keep them all.
   */
  verdicts: ClaimVerdict[]
}

/** The result after review. */
export interface ReviewedResult {
  referenceDate?: string
  entities: ReviewedEntity[]
  /** Nationalities and groups of people, as the core found them (not entities). */
  nationalities?: Entity[]
  dates: ReviewedDate[]
  claims: ReviewedClaim[]
  /**
   * Quotes, as the core found them, their sources following merges (and
   * losing an entity the review removed); claims' `quote` indices still
   * point into it.
   */
  quotes?: Quote[]
  /**
   * The claims to check, as the core ranked them, less those the review
   * removed (ranked again from 1).
   */
  toCheck?: ClaimToCheck[]
  /** Annotations that had nothing to apply to, with the reason. */
  unapplied: Array<{annotation: Annotation; reason: string}>
}

/** Configuration of `applyAnnotations`. */
export interface ApplyOptions {
  /** Workspace-wide rejections from other articles’ sidecars (default: none). */
  workspaceRejects?: ReadonlyArray<RejectAnnotation> | null | undefined
}

/**
 * Apply annotations (anchored in the same source as `result`) to a result.
 *
 * @param result
 *   Automatic tags.
 * @param annotations
 *   Manual annotations, anchored in the source.
 * @param options
 *   Configuration.
 * @returns
 *   New reviewed result; `result` is not changed.
 */
export function applyAnnotations(
  result: Readonly<NewsmarkResult>,
  annotations: ReadonlyArray<Annotation>,
  options?: Readonly<ApplyOptions> | null
): ReviewedResult {
  let entities: ReviewedEntity[] = result.entities.map((entity) => ({
    ...entity,
    mentions: entity.mentions.map((mention) => ({...mention})),
    origin: 'machine'
  }))
  let dates: ReviewedDate[] = result.dates.map((date) => ({...date, origin: 'machine'}))
  let claims: ReviewedClaim[] = result.claims.map((claim) => ({...claim, origin: 'machine', verdicts: []}))
  const unapplied: ReviewedResult['unapplied'] = []
  let created = 0
  // Merged entities, for quote sources: id → the entity merged into.
  const merged = new Map<string, ReviewedEntity>()

  const rejects = [...(options?.workspaceRejects ?? []), ...annotations.filter((item) => item.kind === 'reject')]
  for (const reject of rejects) {
    const {exact} = reject.target
    const entityTypes = reject.type && reject.type !== 'DATE' && reject.type !== 'CLAIM' ? [reject.type] : undefined
    if (!reject.type || entityTypes) {
      for (const entity of entities) {
        if (entityTypes && !entityTypes.includes(entity.type)) continue
        entity.mentions = entity.mentions.filter((mention) => mention.text !== exact)
      }
    }

    if (!reject.type || reject.type === 'DATE') dates = dates.filter((date) => date.text !== exact)
    if (!reject.type || reject.type === 'CLAIM') claims = claims.filter((claim) => claim.text !== exact)
  }

  for (const annotation of annotations) {
    if (annotation.kind !== 'tag') continue
    const {start, end, exact: text} = annotation.target
    if (annotation.type === 'DATE') {
      dates = dates.filter((date) => !overlaps(date, annotation.target))
      dates.push({start, end, text, type: 'DATE', value: annotation.value ?? 'XXXX-XX-XX', relative: false, origin: 'human'})
    } else if (annotation.type === 'CLAIM') {
      const covered = claims.filter((claim) => overlaps(claim, annotation.target))
      const like = covered.find((claim) => claim.start <= start && end <= claim.end) ?? covered[0]
      claims = claims.filter((claim) => !covered.includes(claim))
      claims.push({
        start,
        end,
        text,
        kind: like?.kind ?? 'factual',
        score: 1,
        ...(like?.speaker ? {speaker: like.speaker} : {}),
        ...(like?.verb ? {verb: like.verb} : {}),
        ...(like?.medium ? {medium: like.medium} : {}),
        origin: 'human',
        verdicts: []
      })
    } else {
      for (const entity of entities) entity.mentions = entity.mentions.filter((mention) => !overlaps(mention, annotation.target))
      let entity = entities.find((item) => item.type === annotation.type && item.name === text)
      if (!entity) {
        entity = {id: `h${++created}`, type: annotation.type, name: text, mentions: [], origin: 'human'}
        entities.push(entity)
      }

      entity.mentions = [...entity.mentions, {start, end, text}].sort(byStart)
      if (annotation.role) entity.role = annotation.role
    }
  }

  entities = entities.filter((entity) => entity.mentions.length > 0)

  for (const annotation of annotations) {
    if (annotation.kind !== 'merge') continue
    const from = entityAt(entities, annotation.target)
    const into = entityAt(entities, annotation.into)
    if (!from || !into) {
      const missing = from ? annotation.into.exact : annotation.target.exact
      unapplied.push({annotation, reason: `no entity at “${missing}”`})
      continue
    }

    if (from === into) continue
    into.mentions = [...into.mentions, ...from.mentions].sort(byStart)
    if (!into.role && from.role) into.role = from.role
    entities = entities.filter((entity) => entity !== from)
    merged.set(from.id, into)
    for (const [id, entity] of merged) if (entity === from) merged.set(id, into)
    for (const claim of claims) {
      if (claim.speaker?.entity === from.id) claim.speaker = {...claim.speaker, entity: into.id, name: into.name}
    }
  }

  const ids = new Set([...entities, ...(result.nationalities ?? [])].map((entity) => entity.id))
  for (const claim of claims) {
    if (claim.speaker?.entity && !ids.has(claim.speaker.entity)) {
      claim.speaker = {name: claim.speaker.name}
    }
  }

  const verdicts = annotations
    .filter((annotation) => annotation.kind === 'verdict')
    .sort((a, b) => {
      const left = a.modified ?? a.created ?? ''
      const right = b.modified ?? b.created ?? ''
      return left < right ? -1 : left > right ? 1 : 0
    })
  for (const annotation of verdicts) {
    const {start, end, exact} = annotation.target
    const containing = claims
      .filter((claim) => claim.start <= start && end <= claim.end)
      .sort((a, b) => a.end - a.start - (b.end - b.start))
    let claim = containing[0] ?? claims.find((item) => overlaps(item, annotation.target))
    if (!claim) {
      claim = {start, end, text: exact, kind: 'factual', score: 1, origin: 'human', verdicts: []}
      claims.push(claim)
    }

    const date = annotation.modified ?? annotation.created
    claim.verdict = {
      verdict: annotation.verdict,
      text: exact,
      start,
      end,
      ...(annotation.source ? {source: annotation.source} : {}),
      ...(annotation.note ? {note: annotation.note} : {}),
      annotation: annotation.id,
      ...(annotation.creator ? {creator: annotation.creator} : {}),
      ...(date ? {date} : {})
    }
    claim.verdicts.push(claim.verdict)
  }

  return {
    ...(result.referenceDate ? {referenceDate: result.referenceDate} : {}),
    entities,
    ...(result.nationalities ? {nationalities: result.nationalities} : {}),
    dates: dates.sort(byStart),
    claims: claims.sort(byStart),
    ...(result.quotes ? {quotes: result.quotes.map((quote) => reviewQuote(quote, merged, ids))} : {}),
    ...reviewToCheck(result.toCheck, claims),
    unapplied
  }
}

/**
 * The claims to check that are still claims after the review (a rejected
 * claim is no claim to check), ranked again from 1.
 *
 * @param toCheck
 *   Claims to check, as the core ranked them.
 * @param claims
 *   Claims after the review.
 * @returns
 *   `{toCheck}`, or nothing when none are left.
 */
function reviewToCheck(toCheck: ReadonlyArray<ClaimToCheck> | undefined, claims: ReadonlyArray<ReviewedClaim>): {toCheck?: ClaimToCheck[]} {
  if (!toCheck) return {}
  const kept = toCheck
    .filter((entry) => claims.some((claim) => claim.origin === 'machine' && claim.start === entry.start && claim.end === entry.end))
    .map((entry, index) => ({...entry, rank: index + 1}))
  return kept.length > 0 ? {toCheck: kept} : {}
}

/**
 * A quote whose source follows merges and drops an entity that is gone.
 *
 * @param quote
 *   Quote as the core found it.
 * @param merged
 *   Merged entities: id → the entity merged into.
 * @param ids
 *   Ids of the entities left.
 * @returns
 *   The quote (a copy when its source changes).
 */
function reviewQuote(quote: Readonly<Quote>, merged: ReadonlyMap<string, ReviewedEntity>, ids: ReadonlySet<string>): Quote {
  const source = quote.source
  if (!source?.entity) return {...quote}
  const into = merged.get(source.entity)
  if (into) return {...quote, source: {...source, entity: into.id, name: into.name}}
  if (ids.has(source.entity)) return {...quote}
  const {entity: _gone, ...rest} = source
  return {...quote, source: {...rest, name: rest.text}}
}

function entityAt(entities: ReadonlyArray<ReviewedEntity>, target: Readonly<Target>): ReviewedEntity | undefined {
  return (
    entities.find((entity) => entity.mentions.some((mention) => mention.start === target.start && mention.end === target.end)) ??
    entities.find((entity) => entity.mentions.some((mention) => overlaps(mention, target))) ??
    entities.find((entity) => entity.name === target.exact)
  )
}

function overlaps(span: Readonly<{start: number; end: number}>, target: Readonly<Target>): boolean {
  return span.start < target.end && target.start < span.end
}

function byStart(a: Readonly<Mention>, b: Readonly<Mention>): number {
  return a.start - b.start || a.end - b.end
}
