/**
 * Checks of W3C Web Annotation JSON-LD, written from the W3C Web Annotation
 * Data Model (https://www.w3.org/TR/annotation-model/) and equivalent to the
 * JSON schemas of the W3C’s `web-annotation-tests`, combined the way their
 * test page combines them: every assertion of `annotationMusts.test`,
 * `collectionMusts.test` and `pageMusts.test`, plus the “should” assertions
 * of the `*Optionals.test` files that apply to what Newsmark writes. Each
 * check names the schema it stands for and the section of the model.
 *
 * Not applied (“should” about what Newsmark cannot know or does not use):
 * an agent’s `id`, `nickname`, `email` and `homepage` (3.3.2: a reader is a
 * name), body or target `format`, `language`, `created` and `creator`
 * (3.2.1, 3.3.1), `audience`, `rights`, `canonical`, `via`, `stylesheet`.
 * `created` and a single `creator` (3.3.1) are asked of every annotation
 * but those read from inline directives, which record no author or time.
 */

/** A JSON object. */
type Json = {[key: string]: unknown}

/** The context every annotation, collection and page must name (3.1, 5.1, 5.2). */
export const annoContext = 'http://www.w3.org/ns/anno.jsonld'

/** The motivations the model defines (3.3.5). */
const motivations = new Set([
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging'
])

/** The agent classes the model recommends (3.3.2). */
const agentTypes = new Set(['Person', 'Organization', 'Software'])

/**
 * Whether a value is an IRI as JSON Schema’s `format: uri` takes it: an
 * absolute URI (RFC 3986: a scheme, `:`, then no spaces nor `<>"{}|\^`` ` ``).
 *
 * @param value
 *   Value.
 * @returns
 *   Whether it is one.
 */
export function isAbsoluteIri(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z][A-Za-z\d+.-]*:[^\s<>"{}|\\^`]*$/.test(value)
}

/**
 * Check a Web Annotation collection with one or more embedded pages.
 *
 * @param collection
 *   Parsed JSON-LD.
 * @returns
 *   Failures, one line each (`<where>: <schema>: <what>`); empty when it
 *   passes.
 */
export function checkCollection(collection: Json): string[] {
  const failures: string[] = []
  const fail = (where: string, schema: string, what: string) => failures.push(`${where}: ${schema}: ${what}`)
  const context = collection['@context']
  // collections/5.1-collectionContextValidated (model 5.1)
  if (!hasAnnoContext(context)) fail('collection', '5.1-collectionContextValidated', `@context does not name ${annoContext}`)
  // collections/5.1-collectionIdValidated (model 5.1)
  if (!single(collection.id, isAbsoluteIri)) fail('collection', '5.1-collectionIdValidated', `id ${show(collection.id)} is not one absolute IRI`)
  // collections/5.1-collectionTypeValidated (model 5.1)
  if (!list(collection.type).includes('AnnotationCollection')) fail('collection', '5.1-collectionTypeValidated', 'type is not AnnotationCollection')
  // collections/5.1-collectionLabelValidated; should: 5.1-collectionLabelImplemented
  if (typeof collection.label !== 'string') fail('collection', '5.1-collectionLabelImplemented', 'no label string')
  // collections/5.1-collectionTotalValidated; should: 5.1-collectionTotalImplemented
  if (!single(collection.total, isCount)) fail('collection', '5.1-collectionTotalImplemented', `total ${show(collection.total)} is not a whole number ≥ 0`)
  // collections/5.1-collectionFirstValidated (model 5.1)
  const first = collection.first
  if (!(isAbsoluteIri(first) || (isObject(first) && list(first.type).includes('AnnotationPage')))) {
    fail('collection', '5.1-collectionFirstValidated', 'first is neither an IRI nor an AnnotationPage')
  }

  // collections/5.1-collectionLastValidated; should: 5.1-collectionLastImplemented
  if (!single(collection.last, isAbsoluteIri)) fail('collection', '5.1-collectionLastImplemented', `last ${show(collection.last)} is not one IRI`)
  // collections/3.3.1-collectionCreatedValidated, -ModifiedValidated (model 3.3.1)
  lifecycle(collection, 'collection', fail)
  // collections/3.3.6-collectionRightsValidated (model 3.3.6)
  iris(collection, 'rights', 'collection', '3.3.6-collectionRightsValidated', fail)

  let index = 0
  let page: unknown = first
  while (isObject(page)) {
    const where = `page ${index + 1}`
    checkPage(page, collection, where, fail)
    const items = Array.isArray(page.items) ? page.items : []
    for (const [at, item] of items.entries()) {
      if (!isObject(item)) continue
      // An item is checked with the @context it is under.
      for (const failure of checkAnnotation({'@context': context, ...item})) failures.push(`${where}, item ${at + 1}: ${failure}`)
    }

    page = page.next
    index++
  }

  return failures
}

/**
 * Check one annotation.
 *
 * @param annotation
 *   Parsed JSON-LD (with its `@context`).
 * @returns
 *   Failures, one line each; empty when it passes.
 */
export function checkAnnotation(annotation: Json): string[] {
  const failures: string[] = []
  const where = typeof annotation.id === 'string' ? annotation.id : 'annotation'
  const fail = (schema: string, what: string) => failures.push(`${where}: ${schema}: ${what}`)
  // annotations/3.1-annotationContextValidated (model 3.1)
  if (!hasAnnoContext(annotation['@context'])) fail('3.1-annotationContextValidated', `@context does not name ${annoContext}`)
  // annotations/3.1-annotationIdValidated (model 3.1)
  if (!single(annotation.id, isAbsoluteIri)) fail('3.1-annotationIdValidated', `id ${show(annotation.id)} is not one absolute IRI`)
  // annotations/3.1-annotationTypeValidated (model 3.1)
  if (!list(annotation.type).includes('Annotation')) fail('3.1-annotationTypeValidated', 'type is not Annotation')
  // annotations/3.1-targetKeyFound (model 3.1)
  if (annotation.target === undefined) fail('3.1-targetKeyFound', 'no target')
  // annotations/3.2.5-notBodyBodyValue (model 3.2.5)
  if (annotation.body !== undefined && annotation.bodyValue !== undefined) fail('3.2.5-notBodyBodyValue', 'both body and bodyValue')
  // annotations/3.2.5-bodyValueValidated (model 3.2.5)
  if (annotation.bodyValue !== undefined && typeof annotation.bodyValue !== 'string') fail('3.2.5-bodyValueValidated', 'bodyValue is not a string')
  // annotations/3.3.1-annotationCreatedValidated, -ModifiedValidated, -GeneratedValidated (model 3.3.1)
  lifecycle(annotation, 'annotation', (_, schema, what) => fail(schema, what))
  // annotations/3.3.6-annotationRightsValidated, 3.3.7-annotationCanonicalValidated, -ViaValidated (3.3.6, 3.3.7)
  for (const [key, schema] of [
    ['rights', '3.3.6-annotationRightsValidated'],
    ['canonical', '3.3.7-annotationCanonicalValidated'],
    ['via', '3.3.7-annotationViaValidated']
  ] as const) {
    iris(annotation, key, 'annotation', schema, (_, name, what) => fail(name, what))
  }

  for (const body of list(annotation.body)) checkResource(body, 'body', fail)
  for (const target of list(annotation.target)) checkResource(target, 'targ', fail)

  // Should: annotations/3.3.5-annotationSingleMotivationImplemented (model 3.3.5)
  if (!single(annotation.motivation, (value): value is string => typeof value === 'string' && motivations.has(value))) {
    fail('3.3.5-annotationSingleMotivationImplemented', `motivation ${show(annotation.motivation)} is not one of the model’s`)
  }

  const inline = typeof annotation.id === 'string' && annotation.id.startsWith('urn:newsmark:inline:')
  // Should: annotations/3.3.1-annotationCreatedImplemented (model 3.3.1)
  if (!inline && annotation.created === undefined) fail('3.3.1-annotationCreatedImplemented', 'no created')
  // Should: annotations/3.3.1-annotationSingleCreatorImplemented (model 3.3.1)
  if (!inline && (annotation.creator === undefined || (Array.isArray(annotation.creator) && annotation.creator.length !== 1))) {
    fail('3.3.1-annotationSingleCreatorImplemented', 'not one creator')
  }

  // Should: annotations/3.3.2-annotation{Creator,Generator}Agent{SingleName,Type}Implemented (model 3.3.2)
  for (const key of ['creator', 'generator'] as const) {
    const agent = annotation[key]
    if (agent === undefined) continue
    const name = key === 'creator' ? 'Creator' : 'Generator'
    if (!isObject(agent) || typeof agent.name !== 'string') fail(`3.3.2-annotation${name}AgentSingleNameImplemented`, `${key} has no single name`)
    if (!isObject(agent) || !list(agent.type).some((type) => typeof type === 'string' && agentTypes.has(type))) {
      fail(`3.3.2-annotation${name}AgentTypeImplemented`, `${key} type is not Person, Organization or Software`)
    }
  }

  return failures
}

/** A body or target (model 3.2, 4). */
function checkResource(resource: unknown, role: 'body' | 'targ', fail: (schema: string, what: string) => void) {
  const name = role === 'body' ? 'body' : 'target'
  // annotations/3.2-bodyObjectsRecognized, 3.2-targetObjectsRecognized (model 3.2, 4)
  const kind = kindOf(resource)
  if (!kind || (role === 'targ' && kind === 'textual')) {
    fail(role === 'body' ? '3.2-bodyObjectsRecognized' : '3.2-targetObjectsRecognized', `${name} ${show(resource)} is none of an IRI, External Web Resource, ${role === 'body' ? 'Textual Body, ' : ''}Choice or Specific Resource`)
  }

  if (!isObject(resource)) return
  // annotations/bodiesTargets/3.2.4-targNoTypeTextualBody (model 3.2.4)
  if (role === 'targ' && list(resource.type).includes('TextualBody')) fail('3.2.4-targNoTypeTextualBody', 'a target typed TextualBody')
  // annotations/bodiesTargets/3.2.7-{body,targ}EWRNoItems; 3.3.5-{body,targ}EWRNoPurpose (model 3.2.7, 3.3.5)
  if (kind === 'external') {
    if (resource.items !== undefined) fail(`3.2.7-${role}EWRNoItems`, `an External Web Resource ${name} with items`)
    if (resource.purpose !== undefined) fail(`3.3.5-${role}EWRNoPurpose`, `an External Web Resource ${name} with a purpose`)
  }

  if (kind === 'textual') {
    // annotations/bodiesTargets/3.2.7-bodyEmbeddedTextualNoItems, 4-bodyEmbeddedTextualNoSource (3.2.4, 4)
    if (resource.items !== undefined) fail('3.2.7-bodyEmbeddedTextualNoItems', 'a Textual Body with items')
    if (resource.source !== undefined) fail('4-bodyEmbeddedTextualNoSource', 'a Textual Body with a source')
    // Should: annotations/bodiesTargets/3.2.4-bodyETBTypeTextualBody (model 3.2.4)
    if (!list(resource.type).includes('TextualBody')) fail('3.2.4-bodyETBTypeTextualBody', 'a Textual Body not typed TextualBody')
  }

  if (kind === 'specific') {
    // annotations/bodiesTargets/3.2.7-{body,targ}SpecificResourceNoItems, 4-{body,targ}SpecificResourceNoValue (model 4)
    if (resource.items !== undefined) fail(`3.2.7-${role}SpecificResourceNoItems`, `a Specific Resource ${name} with items`)
    if (resource.value !== undefined) fail(`4-${role}SpecificResourceNoValue`, `a Specific Resource ${name} with a value`)
    for (const selector of list(resource.selector)) checkSelector(selector, fail)
  }

  // annotations/bodiesTargets/3.3.1-{body,targ}{Created,Modified}Validated, 3.3.6, 3.3.7 (model 3.3.1, 3.3.6, 3.3.7)
  lifecycle(resource, name, (_, schema, what) => fail(schema.replace('annotation', role), what))
}

/** A selector (model 4.2). */
function checkSelector(selector: unknown, fail: (schema: string, what: string) => void) {
  // annotations/specificResource/4.2-selectorValidIfPresent (model 4.2)
  if (!isObject(selector) || typeof selector.type !== 'string') {
    fail('4.2-selectorValidIfPresent', `selector ${show(selector)} has no type`)
    return
  }

  if (selector.type === 'TextQuoteSelector') {
    // annotations/specificResource/4.2.4-textQuoteSelectorValid (model 4.2.4)
    if (typeof selector.exact !== 'string') fail('4.2.4-textQuoteSelectorValid', 'TextQuoteSelector without an exact string')
    for (const key of ['prefix', 'suffix'] as const) {
      if (selector[key] !== undefined && typeof selector[key] !== 'string') fail('4.2.4-textQuoteSelectorValid', `TextQuoteSelector ${key} is not a string`)
      // Should: annotations/specificResource/4.2.4-prefix, 4.2.4-suffix (model 4.2.4)
      if (selector[key] === undefined) fail(`4.2.4-${key}`, `TextQuoteSelector without ${key}`)
    }
  }

  // annotations/specificResource/4.2-TextDataPositionSelectorValid (model 4.2.5, 4.2.6)
  if (selector.type === 'TextPositionSelector' || selector.type === 'DataPositionSelector') {
    if (!isCount(selector.start) || !isCount(selector.end)) fail('4.2-TextDataPositionSelectorValid', `${selector.type} start and end are not whole numbers ≥ 0`)
  }
}

/** An Annotation Page embedded in a collection (model 5.2). */
function checkPage(page: Json, collection: Json, where: string, fail: (where: string, schema: string, what: string) => void) {
  // collections/pages/5.2-pageIdValidated (model 5.2)
  if (!single(page.id, isAbsoluteIri)) fail(where, '5.2-pageIdValidated', `id ${show(page.id)} is not one absolute IRI`)
  // collections/pages/5.2-pageTypeValidated (model 5.2)
  if (!list(page.type).includes('AnnotationPage')) fail(where, '5.2-pageTypeValidated', 'type is not AnnotationPage')
  // collections/pages/5.2-pageItemsValidated (model 5.2)
  if (!Array.isArray(page.items) || !page.items.every((item) => isAbsoluteIri(item) || (isObject(item) && list(item.type).includes('Annotation')))) {
    fail(where, '5.2-pageItemsValidated', 'items is not an array of annotations or IRIs')
  }

  // collections/pages/5.2-pageStartIndexValidated; should: 5.2-pageStartIndexImplemented (model 5.2)
  if (!single(page.startIndex, isCount)) fail(where, '5.2-pageStartIndexImplemented', `startIndex ${show(page.startIndex)} is not a whole number ≥ 0`)
  // collections/pages/5.2-pagePartOfValidated; should: 5.2-pagePartOfImplemented (model 5.2)
  const partOf = isObject(page.partOf) ? page.partOf.id : page.partOf
  if (!single(partOf, isAbsoluteIri)) fail(where, '5.2-pagePartOfImplemented', `partOf ${show(page.partOf)} is not an IRI`)
  else if (partOf !== collection.id) fail(where, '5.2-pagePartOfImplemented', 'partOf is not the collection it is in')
  // collections/pages/5.2-pageNextValidated, -PrevValidated (model 5.2)
  for (const key of ['next', 'prev'] as const) {
    const value = isObject(page[key]) ? (page[key] as Json).id : page[key]
    if (value !== undefined && !isAbsoluteIri(value)) fail(where, `5.2-page${key === 'next' ? 'Next' : 'Prev'}Validated`, `${key} is not an IRI`)
  }

  // collections/pages/3.3.1-pageCreatedValidated, -ModifiedValidated; 3.3.6-pageRightsValidated
  lifecycle(page, where, fail)
  iris(page, 'rights', where, '3.3.6-pageRightsValidated', fail)
}

/** What a body or target is, as the test schemas detect it; `undefined`: none. */
function kindOf(resource: unknown): 'iri' | 'external' | 'textual' | 'specific' | 'choice' | undefined {
  if (isAbsoluteIri(resource)) return 'iri'
  if (!isObject(resource)) return undefined
  const types = list(resource.type)
  if (types.includes('Choice') || types.includes('List') || types.includes('Composite') || types.includes('Independents')) return 'choice'
  if (resource.source !== undefined) {
    // specificResource.json#specificeResourceDetected: a `source` that is an
    // IRI or an External Web Resource, plus a purpose, selector, state, …
    const source = resource.source
    const sourceOk = isAbsoluteIri(source) || (isObject(source) && single(source.id, isAbsoluteIri) && source.source === undefined)
    const refined = ['purpose', 'selector', 'state', 'styleClass', 'renderedVia', 'scope'].some((key) => resource[key] !== undefined)
    return sourceOk && refined ? 'specific' : undefined
  }

  if (typeof resource.value === 'string') return 'textual'
  if (single(resource.id, isAbsoluteIri)) return 'external'
  return undefined
}

/** `created`, `modified` and `generated`, if present, are date-times (model 3.3.1). */
function lifecycle(value: unknown, where: string, fail: (where: string, schema: string, what: string) => void) {
  if (!isObject(value)) return
  for (const key of ['created', 'modified', 'generated'] as const) {
    if (value[key] === undefined) continue
    if (!single(value[key], isDateTime)) {
      const name = key.charAt(0).toUpperCase() + key.slice(1)
      fail(where, `3.3.1-${where.startsWith('page') ? 'page' : where === 'collection' ? 'collection' : 'annotation'}${name}Validated`, `${key} ${show(value[key])} is not a date-time`)
    }
  }
}

/** A key that, if present, holds one or more IRIs. */
function iris(value: Json, key: string, where: string, schema: string, fail: (where: string, schema: string, what: string) => void) {
  if (value[key] !== undefined && !list(value[key]).every(isAbsoluteIri)) fail(where, schema, `${key} is not an IRI`)
}

/** RFC 3339 date-time, as JSON Schema’s `format: date-time`. */
function isDateTime(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/.test(value)
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0
}

function hasAnnoContext(value: unknown): boolean {
  return value === annoContext || (Array.isArray(value) && value.includes(annoContext))
}

/** One value of a kind, or an array of exactly one (the schemas’ `arraySingle…`). */
function single<T>(value: unknown, is: (value: unknown) => value is T): boolean {
  return is(value) || (Array.isArray(value) && value.length === 1 && is(value[0]))
}

function list(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value]
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value)
}
