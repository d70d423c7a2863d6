/**
 * Annotations as W3C Web Annotation JSON-LD objects.
 *
 * | kind              | motivation  | bodies (purpose: value)                                   |
 * | ----------------- | ----------- | --------------------------------------------------------- |
 * | tag (entity)      | identifying | classifying: `PER`…; describing: role                     |
 * | tag (DATE, CLAIM) | tagging     | classifying: `DATE`/`CLAIM`; describing: TimeML value     |
 * | reject            | moderating  | moderating: `rejected`; classifying: type; plus `scope`   |
 * | merge             | linking     | SpecificResource (purpose identifying) at the other mention |
 * | verdict           | assessing   | assessing: verdict; linking: SpecificResource, `source` URL |
 *
 * A note is one more body, purpose `commenting`. Targets have a
 * TextQuoteSelector and a TextPositionSelector, in code points. Reading
 * them back: `w3c-parse.ts`.
 */
import {codePoints, type CodePoints} from './positions.ts'
import type {Agent, Annotation, Target} from './types.ts'

/**
 * JSON-LD context of Newsmark’s W3C output: the W3C one, plus `scope` and
 * the `assessing` motivation (in the model, 3.3.5, but not a term of every
 * published version of the W3C context: without it, `"assessing"` would be
 * a relative IRI).
 */
export const annotationContext = [
  'http://www.w3.org/ns/anno.jsonld',
  {oa: 'http://www.w3.org/ns/oa#', assessing: 'oa:assessing', newsmark: 'urn:newsmark:', scope: 'newsmark:scope'}
] as const

/** A JSON object. */
export type JsonObject = {[key: string]: unknown}

/**
 * One annotation as a W3C Web Annotation object (without `@context`).
 *
 * @param annotation
 *   Annotation, anchored in `source`.
 * @param source
 *   The source the target offsets refer to (to count code points).
 * @param article
 *   IRI of the article (often its file name, relative to the sidecar).
 * @param points
 *   The code points of `source` (`codePoints`): pass them when converting
 *   many annotations of one text.
 * @returns
 *   Plain object, keys in a fixed order.
 */
export function toW3c(annotation: Annotation, source: string, article: string, points: CodePoints = codePoints(source)): JsonObject {
  const bodies: JsonObject[] = []
  let motivation: string
  switch (annotation.kind) {
    case 'tag': {
      motivation = annotation.type === 'DATE' || annotation.type === 'CLAIM' ? 'tagging' : 'identifying'
      bodies.push(textual('classifying', annotation.type))
      const description = annotation.type === 'DATE' ? annotation.value : annotation.role
      if (description) bodies.push(textual('describing', description))
      break
    }

    case 'reject': {
      motivation = 'moderating'
      bodies.push(textual('moderating', 'rejected'))
      if (annotation.type) bodies.push(textual('classifying', annotation.type))
      break
    }

    case 'merge': {
      motivation = 'linking'
      bodies.push({type: 'SpecificResource', purpose: 'identifying', ...targetObject(annotation.into, points, article)})
      break
    }

    case 'verdict': {
      motivation = 'assessing'
      bodies.push(textual('assessing', annotation.verdict))
      // A purpose is only for a SpecificResource or a TextualBody, not for an
      // external resource (Web Annotation Data Model 3.3.5).
      if (annotation.source) bodies.push({type: 'SpecificResource', purpose: 'linking', source: annotation.source})
      break
    }
  }

  if (annotation.note) bodies.push(textual('commenting', annotation.note))
  return {
    id: annotation.id,
    type: 'Annotation',
    motivation,
    ...(annotation.created ? {created: annotation.created} : {}),
    ...(annotation.modified ? {modified: annotation.modified} : {}),
    ...(annotation.creator ? {creator: agent(annotation.creator)} : {}),
    ...(annotation.generator ? {generator: agent(annotation.generator)} : {}),
    ...(annotation.kind === 'reject' ? {scope: annotation.scope} : {}),
    body: bodies.length === 1 ? bodies[0] : bodies,
    target: targetObject(annotation.target, points, article)
  }
}

/**
 * Whether a value is an absolute http(s) URL.
 *
 * @param value
 *   Value.
 * @returns
 *   Whether it is one.
 */
export function isUrl(value: string): boolean {
  return /^https?:\/\/[^\s/?#]+[^\s]*$/i.test(value)
}

function targetObject(target: Readonly<Target>, points: CodePoints, article: string): JsonObject {
  const selectors: JsonObject[] = [
    {type: 'TextQuoteSelector', exact: target.exact, prefix: target.prefix, suffix: target.suffix}
  ]
  if (target.start >= 0 && target.end >= target.start) {
    selectors.push({
      type: 'TextPositionSelector',
      start: points.toCodePoint(target.start),
      end: points.toCodePoint(target.end)
    })
  }

  return {source: article, selector: selectors}
}

function agent(value: Readonly<Agent>): JsonObject {
  return {...(value.id ? {id: value.id} : {}), type: value.type, name: value.name}
}

function textual(purpose: string, value: string): JsonObject {
  return {type: 'TextualBody', purpose, value}
}
