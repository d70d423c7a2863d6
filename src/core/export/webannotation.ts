/**
 * `webannotation` export: a W3C Web Annotation collection (JSON-LD) with
 * every tag of the articles, meant to pass the W3C’s own checks (the
 * `web-annotation-tests` schemas, “must” and the “should” that apply).
 *
 * Every IRI is absolute (`ids.ts`): the collection is
 * `urn:newsmark:export:<hash of the articles’ IRIs>` with one embedded page
 * (`first`, `last` and the page’s `partOf`); targets’ `source` is the
 * article’s IRI. Machine tags (entity mentions, dates, claims that
 * survived review) are `<article>#newsmark-<tag>`, with Newsmark as
 * `creator` and `generator` and the export time as `created`; manual
 * annotations keep their id, `creator` (a person) and times. Motivations:
 * `identifying` (entities), `tagging` (dates, claims), `assessing`
 * (verdicts), `moderating` (rejections), `linking` (merges), plus a
 * `commenting` body for notes. Positions are code points. Orphans are
 * exported with their quote only.
 */
import {applyAnnotations} from '../annotations/apply.ts'
import {codePoints, targetOf} from '../annotations/positions.ts'
import {annotationContext, toW3c, type JsonObject} from '../annotations/w3c.ts'
import {fnv1a64} from '../hash.ts'
import {articleIri} from './ids.ts'
import {escapeJsonLd} from './json-ld.ts'
import {newsmarkAgent, type ArticleExport, type ExportOptions} from './types.ts'

/**
 * Export articles as one W3C Web Annotation collection.
 *
 * @param articles
 *   Articles.
 * @param options
 *   Options of the export.
 * @returns
 *   JSON-LD text (`<` written `\u003c`), ending in a newline.
 */
export function toWebAnnotation(articles: ReadonlyArray<ArticleExport>, options?: Readonly<ExportOptions> | null): string {
  const now = options?.now ?? new Date().toISOString()
  const items = articles.flatMap((article) => itemsOf(article, now))
  const label = articles.length === 1 ? articles[0]!.meta.file : `${articles.length} articles`
  const id = `urn:newsmark:export:${fnv1a64(articles.map((article) => articleIri(article.meta)).join('\n'))}`
  const page = `${id}#page-1`
  const generator = articles[0]?.meta.generator ?? newsmarkAgent
  const collection = {
    '@context': annotationContext,
    id,
    type: 'AnnotationCollection',
    label: `Newsmark tags of ${label}`,
    total: items.length,
    generated: now,
    generator: {type: 'Software', name: generator.name},
    first: {id: page, type: 'AnnotationPage', partOf: id, startIndex: 0, items},
    last: page
  }
  return escapeJsonLd(JSON.stringify(collection, null, 2)) + '\n'
}

function itemsOf({source, result, annotations, meta}: ArticleExport, now: string): JsonObject[] {
  const review = applyAnnotations(result, annotations, {workspaceRejects: meta.workspaceRejects})
  const points = codePoints(source)
  const point = (offset: number) => points.toCodePoint(offset)
  const article = articleIri(meta)
  const software = {type: 'Software', name: (meta.generator ?? newsmarkAgent).name}
  const machine = (
    id: string,
    motivation: string,
    span: {start: number; end: number; text: string},
    bodies: JsonObject[]
  ): JsonObject => ({
    id: `${article}#newsmark-${id}`,
    type: 'Annotation',
    motivation,
    created: now,
    creator: software,
    generator: software,
    body: bodies.length === 1 ? bodies[0] : bodies,
    target: {
      source: article,
      selector: [
        quoteSelector(source, span.start, span.end),
        {type: 'TextPositionSelector', start: point(span.start), end: point(span.end)}
      ]
    }
  })

  const items: JsonObject[] = []
  for (const entity of review.entities) {
    if (entity.origin !== 'machine') continue
    for (const [index, mention] of entity.mentions.entries()) {
      items.push(
        machine(`${entity.id}-${index + 1}`, 'identifying', mention, [
          textual('classifying', entity.type),
          textual('identifying', entity.name),
          ...(entity.role ? [textual('describing', entity.role)] : [])
        ])
      )
    }
  }

  for (const [index, date] of review.dates.entries()) {
    if (date.origin !== 'machine') continue
    items.push(
      machine(`date-${index + 1}`, 'tagging', date, [textual('classifying', 'DATE'), textual('describing', date.value)])
    )
  }

  for (const [index, claim] of review.claims.entries()) {
    if (claim.origin !== 'machine') continue
    items.push(
      machine(`claim-${index + 1}`, 'tagging', claim, [
        textual('classifying', 'CLAIM'),
        textual('describing', claim.kind),
        ...(claim.speaker ? [textual('identifying', claim.speaker.name)] : [])
      ])
    )
  }

  for (const annotation of annotations) items.push(toW3c(annotation, source, article, points))
  for (const {annotation} of meta.orphans ?? []) {
    const stale = {...annotation, target: {...annotation.target, start: -1, end: -1}}
    items.push(toW3c(annotation.kind === 'merge' ? {...stale, kind: 'merge', into: {...annotation.into, start: -1, end: -1}} : stale, source, article, points))
  }

  return items
}

function quoteSelector(source: string, start: number, end: number): JsonObject {
  const {exact, prefix, suffix} = targetOf(source, start, end)
  return {type: 'TextQuoteSelector', exact, prefix, suffix}
}

function textual(purpose: string, value: string): JsonObject {
  return {type: 'TextualBody', purpose, value}
}
