/**
 * Re-anchoring: find where each annotation's text is after the article
 * changed, in the editor or outside it.
 *
 * For each target, in order:
 *
 * 1. position: the text at the stored position still equals the quote (and
 *    no other occurrence fits the stored context better);
 * 2. quote: the best exact occurrence of the quote, scored by how much of
 *    the stored prefix and suffix still surround it, then by distance to the
 *    stored position;
 * 3. fuzzy: the best approximate occurrence (Myers’ bit-parallel algorithm,
 *    `approx-string-match`) with at most `maxErrorRate` errors per character
 *    of the quote; short quotes also need some of their context to match;
 * 4. else the annotation is an orphan, with a reason. None is ever dropped.
 *
 * Anchored annotations get fresh selectors (position, prefix, suffix, and
 * for fuzzy matches the new quote), so that saving them makes the next
 * anchoring exact.
 *
 * Cost: a target still in place with all its context is taken at once; an
 * orphan's quote is searched for in the whole text once, then (while the
 * caches are on) only around what changed since (`changed-range.ts`), with
 * the same result: the editor looks for every orphan again on each edit.
 */
import search from 'approx-string-match'
import {unchanged, type Unchanged} from '../changed-range.ts'
import {Cache, Memory} from '../incremental/memory.ts'
import {snapOffset, targetOf} from './positions.ts'
import type {Annotation, Target} from './types.ts'

/** How a target was found. */
export type AnchorMethod = 'position' | 'quote' | 'fuzzy'

/** Configuration of `reanchor`. */
export interface AnchorOptions {
  /**
   * Largest share of the quote's characters that may differ in a fuzzy
   * match (default: `0.2`); `0` turns fuzzy matching off.
   */
  maxErrorRate?: number | null | undefined
}

/** An annotation that was placed. */
export interface Anchored {
  /** The annotation, with its target(s) updated to the new source. */
  annotation: Annotation
  /** The weakest method used among its targets. */
  method: AnchorMethod
  /** Edit distance between the stored quote and the text found (fuzzy). */
  errors: number
  /** The stored quote, before anchoring (differs from the new one when fuzzy). */
  previous: string
}

/** An annotation that could not be placed. */
export interface Orphan {
  /** The annotation, unchanged. */
  annotation: Annotation
  /** Why ("quote not found: “…”"). */
  reason: string
}

/** Result of `reanchor`: every input annotation is in exactly one list. */
export interface AnchorReport {
  anchored: Anchored[]
  orphans: Orphan[]
}

interface Match {
  start: number
  end: number
  method: AnchorMethod
  errors: number
}

const defaultMaxErrorRate = 0.2
/** Quotes shorter than this need context to match fuzzily. */
const shortQuote = 12
const methodRank: Record<AnchorMethod, number> = {position: 0, quote: 1, fuzzy: 2}

/**
 * Re-anchor annotations in a (possibly changed) source.
 *
 * @param source
 *   The Markdown source as it is now.
 * @param annotations
 *   Annotations, with targets as last saved.
 * @param options
 *   Configuration.
 * @returns
 *   Anchored annotations (in input order) and orphans (in input order).
 * @example
 *   const {anchored, orphans} = reanchor(source, annotations)
 */
export function reanchor(
  source: string,
  annotations: ReadonlyArray<Annotation>,
  options?: Readonly<AnchorOptions> | null
): AnchorReport {
  const maxErrorRate = options?.maxErrorRate ?? defaultMaxErrorRate
  if (!(maxErrorRate >= 0 && maxErrorRate < 1)) {
    throw new Error(`Unexpected \`maxErrorRate: ${String(maxErrorRate)}\`, expected a number from 0 up to (not including) 1`)
  }

  const report: AnchorReport = {anchored: [], orphans: []}
  for (const annotation of annotations) {
    const match = anchorTarget(source, annotation.target, maxErrorRate)
    if (!match) {
      report.orphans.push({annotation, reason: `quote not found: “${clip(annotation.target.exact)}”`})
      continue
    }

    let method = match.method
    let errors = match.errors
    let next: Annotation = {...annotation, target: targetOf(source, match.start, match.end)}
    if (annotation.kind === 'merge') {
      const into = anchorTarget(source, annotation.into, maxErrorRate)
      if (!into) {
        report.orphans.push({annotation, reason: `merge target not found: “${clip(annotation.into.exact)}”`})
        continue
      }

      if (methodRank[into.method] > methodRank[method]) method = into.method
      errors += into.errors
      next = {...next, kind: 'merge', into: targetOf(source, into.start, into.end)} as Annotation
    }

    report.anchored.push({annotation: next, method, errors, previous: annotation.target.exact})
  }

  return report
}

/** Re-anchoring that remembers where quotes were not found (`createAnchoring`). */
export interface Anchoring {
  /** `reanchor`, remembering the quotes it did not find for the next call. */
  reanchor: typeof reanchor
}

/**
 * Make a re-anchoring that remembers, from one review of an article to the
 * next, the quotes it could not find and in which version: after an edit,
 * only what changed is searched for them again (a stateless `reanchor`
 * searches the whole article for each, every time). The editor and the
 * language server keep one.
 *
 * @returns
 *   Anchoring.
 */
export function createAnchoring(): Anchoring {
  const memory = new Memory()
  return {
    reanchor: (source, annotations, options) => memory.run(undefined, () => reanchor(source, annotations, options))
  }
}

/**
 * Find one target in a source.
 *
 * @param source
 *   Markdown source.
 * @param target
 *   Target as stored.
 * @param maxErrorRate
 *   Largest share of differing characters for a fuzzy match.
 * @returns
 *   Where it is now, or `undefined`.
 */
export function anchorTarget(source: string, target: Readonly<Target>, maxErrorRate = defaultMaxErrorRate): Match | undefined {
  const {exact} = target
  if (exact.length === 0) return undefined
  // Still in place with all its context: no occurrence can fit better (a
  // repeated quote has many occurrences to score).
  const inPlace = target.start >= 0 && source.slice(target.start, target.end) === exact
  if (inPlace && contextScore(source, target.start, target.end, target) === 1) {
    return {start: target.start, end: target.end, method: 'position', errors: 0}
  }

  // An orphan is looked for again on every review: where it was not found
  // before, only what changed since can hold it (with the reach of a match
  // and its context around the change).
  const key = [maxErrorRate, exact, target.prefix, target.suffix].join('\u0000')
  const before = notFound.peek(key)
  let from = 0
  let to = source.length
  if (before !== undefined) {
    const {prefix, suffix} = changeSince(before, source)
    const reach = exact.length + Math.floor(exact.length * maxErrorRate) + Math.max(target.prefix.length, target.suffix.length)
    from = Math.max(0, prefix - reach)
    to = Math.min(source.length, source.length - suffix + reach)
  }

  const match = findTarget(source, target, maxErrorRate, from, to)
  if (match) notFound.delete(key)
  else notFound.set(key, source)
  return match
}

// The quotes not found, each with the text it was last looked for in.
const notFound = new Cache<string, string>(512)

// The last change looked up (under one key): the orphans of a review share it.
const lastChange = new Cache<0, {before: string; source: string; unchanged: Unchanged}>(1)

/**
 * What two versions of an article share (kept for the next orphan).
 *
 * @param before
 *   The version a quote was last looked for in.
 * @param source
 *   The version now.
 * @returns
 *   Lengths of their common start and end.
 */
function changeSince(before: string, source: string): Unchanged {
  let last = lastChange.peek(0)
  if (last?.before !== before || last.source !== source) {
    last = {before, source, unchanged: before === source ? {prefix: source.length, suffix: 0} : unchanged(before, source)}
    lastChange.set(0, last)
  }

  return last.unchanged
}

/**
 * Find one target in a part of a source.
 *
 * @param source
 *   Markdown source.
 * @param target
 *   Target as stored.
 * @param maxErrorRate
 *   Largest share of differing characters for a fuzzy match.
 * @param from
 *   Where matches may start.
 * @param to
 *   Where matches must end by.
 * @returns
 *   Where it is now, or `undefined`.
 */
function findTarget(source: string, target: Readonly<Target>, maxErrorRate: number, from: number, to: number): Match | undefined {
  const {exact} = target
  let best: {start: number; score: number} | undefined
  for (let start = source.indexOf(exact, from); start !== -1 && start + exact.length <= to; start = source.indexOf(exact, start + 1)) {
    const score = contextScore(source, start, start + exact.length, target)
    if (!best || score > best.score || (score === best.score && closer(start, best.start, target.start))) {
      best = {start, score}
    }
  }

  if (best) {
    const atPosition =
      target.start >= 0 && source.slice(target.start, target.end) === exact
        ? contextScore(source, target.start, target.end, target)
        : -1
    if (atPosition >= best.score) return {start: target.start, end: target.end, method: 'position', errors: 0}
    return {start: best.start, end: best.start + exact.length, method: 'quote', errors: 0}
  }

  const maxErrors = Math.floor(exact.length * maxErrorRate)
  if (maxErrors < 1 || to - from < exact.length - maxErrors) return undefined
  let fuzzy: (Match & {score: number}) | undefined
  for (const found of search(from === 0 && to === source.length ? source : source.slice(from, to), exact, maxErrors)) {
    const start = snapOffset(source, from + found.start, -1)
    const end = snapOffset(source, from + found.end, 1)
    if (end <= start) continue
    const score = contextScore(source, start, end, target)
    if (exact.length < shortQuote && score < 0.5) continue
    // Fewer errors first, then better context, then nearer.
    const rank = score - found.errors
    if (!fuzzy || rank > fuzzy.score || (rank === fuzzy.score && closer(start, fuzzy.start, target.start))) {
      fuzzy = {start, end, method: 'fuzzy', errors: found.errors, score: rank}
    }
  }

  return fuzzy ? {start: fuzzy.start, end: fuzzy.end, method: 'fuzzy', errors: fuzzy.errors} : undefined
}

/**
 * How much of the stored context surrounds a candidate, 0–1.
 */
function contextScore(source: string, start: number, end: number, target: Readonly<Target>): number {
  const total = target.prefix.length + target.suffix.length
  if (total === 0) return 1
  let before = 0
  while (
    before < target.prefix.length &&
    source.charCodeAt(start - 1 - before) === target.prefix.charCodeAt(target.prefix.length - 1 - before)
  ) {
    before++
  }

  let after = 0
  while (after < target.suffix.length && source.charCodeAt(end + after) === target.suffix.charCodeAt(after)) {
    after++
  }

  return (before + after) / total
}

function closer(candidate: number, current: number, expected: number): boolean {
  return expected >= 0 && Math.abs(candidate - expected) < Math.abs(current - expected)
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ')
  return flat.length > 60 ? flat.slice(0, 57) + '…' : flat
}
