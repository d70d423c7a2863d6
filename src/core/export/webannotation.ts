/**
 * `webannotation` export: a W3C Web Annotation collection (JSON-LD) with
 * every tag of the articles.
 *
 * Machine tags (entity mentions, dates, claims that survived review) have a
 * `generator` (Newsmark) and no `creator`; manual annotations keep their
 * `creator` (a person). Motivations: `identifying` (entities), `tagging`
 * (dates, claims), `assessing` (verdicts), `moderating` (rejections),
 * `linking` (merges), plus a `commenting` body for notes. Positions are code
 * points. Orphans are exported with their quote only.
 */
import {applyAnnotations} from '../annotations/apply.ts'
import {codePointIndex, targetOf} from '../annotations/positions.ts'
import {annotationContext, toW3c, type JsonObject} from '../annotations/w3c.ts'
import {newsmarkAgent, type ArticleExport} from './types.ts'

/**
 * Export articles as one W3C Web Annotation collection.
 *
 * @param articles
 *   Articles.
 * @returns
 *   JSON-LD text, ending in a newline.
 */
export function toWebAnnotation(articles: ReadonlyArray<ArticleExport>): string {
  const items = articles.flatMap((article) => itemsOf(article))
  const label = articles.length === 1 ? articles[0]!.meta.file : `${articles.length} articles`
  const collection = {
    '@context': annotationContext,
    id: 'urn:newsmark:export',
    type: 'AnnotationCollection',
    label: `Newsmark tags of ${label}`,
    total: items.length,
    first: {id: 'urn:newsmark:export#page-1', type: 'AnnotationPage', startIndex: 0, items}
  }
  return JSON.stringify(collection, null, 2) + '\n'
}

function itemsOf({source, result, annotations, meta}: ArticleExport): JsonObject[] {
  const review = applyAnnotations(result, annotations, {workspaceRejects: meta.workspaceRejects})
  const point = codePointIndex(source)
  const article = meta.url ?? meta.file
  const generator = {type: 'Software', name: (meta.generator ?? newsmarkAgent).name}
  const machine = (
    id: string,
    motivation: string,
    span: {start: number; end: number; text: string},
    bodies: JsonObject[]
  ): JsonObject => ({
    id: `${meta.file}#newsmark-${id}`,
    type: 'Annotation',
    motivation,
    generator,
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

  for (const annotation of annotations) items.push(toW3c(annotation, source, article))
  for (const {annotation} of meta.orphans ?? []) {
    const stale = {...annotation, target: {...annotation.target, start: -1, end: -1}}
    items.push(toW3c(annotation.kind === 'merge' ? {...stale, kind: 'merge', into: {...annotation.into, start: -1, end: -1}} : stale, source, article))
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
