/**
 * `json` export: the reviewed tags (automatic tags with the manual
 * annotations applied) plus the annotations themselves and any orphans.
 *
 * Positions (`start`, `end`) are Unicode code points, as in the W3C export;
 * `line` is 1-based. Each claim has `verdicts`: every verdict on it, oldest
 * first. `sources` lists who or what the article quotes, most quoted
 * first, each with its kind and its quotes (content, cue and the source's
 * words as written). One article gives an object, several an array.
 */
import {applyAnnotations} from '../annotations/apply.ts'
import {codePointIndex, lineIndex} from '../annotations/positions.ts'
import type {Annotation, Target} from '../annotations/types.ts'
import {sourcesOf} from '../quotes/sources.ts'
import type {ArticleExport} from './types.ts'

/**
 * Export articles as JSON.
 *
 * @param articles
 *   Articles.
 * @returns
 *   JSON text, ending in a newline.
 */
export function toJsonExport(articles: ReadonlyArray<ArticleExport>): string {
  const values = articles.map((article) => jsonOf(article))
  return JSON.stringify(values.length === 1 ? values[0] : values, null, 2) + '\n'
}

function jsonOf({source, result, annotations, meta}: ArticleExport) {
  const review = applyAnnotations(result, annotations, {workspaceRejects: meta.workspaceRejects})
  const point = codePointIndex(source)
  const line = lineIndex(source)
  const span = <T extends {start: number; end: number}>(value: T) => ({
    ...value,
    start: point(value.start),
    end: point(value.end),
    line: line(value.start)
  })
  const target = (value: Readonly<Target>) =>
    value.start < 0 ? {...value, start: null, end: null} : {...value, start: point(value.start), end: point(value.end)}
  const annotation = (value: Annotation) => ({
    ...value,
    target: target(value.target),
    ...(value.kind === 'merge' ? {into: target(value.into)} : {})
  })
  return {
    file: meta.file,
    ...(meta.url ? {url: meta.url} : {}),
    title: meta.title ?? null,
    datePublished: meta.datePublished ?? null,
    referenceDate: review.referenceDate ?? null,
    positions: 'code points',
    entities: review.entities.map((entity) => ({...entity, mentions: entity.mentions.map(span)})),
    dates: review.dates.map(span),
    // Every verdict, oldest first (the latest alone would drop a reviewer’s).
    claims: review.claims.map(({verdict: _latest, verdicts, ...claim}) => ({...span(claim), verdicts: verdicts.map(span)})),
    sources: sourcesOf(review).map(({key: _key, indices: _indices, quotes, ...item}) => ({
      ...item,
      count: quotes.length,
      quotes: quotes.map(({start, end, parts, kind, cue, source: said}) => ({
        ...span({start, end, text: source.slice(start, end)}),
        kind,
        ...(parts ? {parts: parts.map(span)} : {}),
        ...(cue ? {cue: span(cue)} : {}),
        ...(said ? {source: span({start: said.start, end: said.end, text: said.text})} : {})
      }))
    })),
    annotations: annotations.map(annotation),
    orphans: (meta.orphans ?? []).map((orphan) => ({
      ...orphan.annotation,
      // Stored positions refer to an older text: only the quote is meaningful.
      target: {...orphan.annotation.target, start: null, end: null},
      ...(orphan.annotation.kind === 'merge' ? {into: {...orphan.annotation.into, start: null, end: null}} : {}),
      reason: orphan.reason
    })),
    unapplied: review.unapplied.map((item) => ({id: item.annotation.id, reason: item.reason}))
  }
}
