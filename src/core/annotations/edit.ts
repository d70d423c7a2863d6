/**
 * Making and changing annotations: tag a selection, reject an automatic
 * tag, merge two entities, set a claim verdict, remove an annotation.
 *
 * All functions are pure: they take the source and offsets (UTF-16) and
 * return new annotations or a new list. Bad input (an empty selection, an
 * unknown verdict, a source that is not a URL) throws an `Error` whose
 * message says what was expected, before anything changes.
 */
import {targetOf} from './positions.ts'
import {
  tagTypes,
  verdicts,
  type Agent,
  type Annotation,
  type MergeAnnotation,
  type RejectAnnotation,
  type RejectScope,
  type TagAnnotation,
  type TagType,
  type Verdict,
  type VerdictAnnotation
} from './types.ts'
import {isUrl} from './w3c.ts'

/** A selection: UTF-16 offsets into the source. */
export interface Range {
  start: number
  end: number
}

/** Options shared by every new annotation. */
export interface CreateOptions {
  /** Id (default: a new `urn:uuid:`). */
  id?: string | null | undefined
  /** Creation time (default: now). */
  now?: Date | string | null | undefined
  /** The person making it (default: none). */
  creator?: Agent | null | undefined
  /** The software making it, for machine annotations (default: none). */
  generator?: Agent | null | undefined
  /** A note (default: none). */
  note?: string | null | undefined
}

/**
 * Tag a selection as an entity, a date or a claim.
 *
 * @param source
 *   Markdown source.
 * @param range
 *   Selection; surrounding white space is left out.
 * @param type
 *   Tag type.
 * @param options
 *   Role (people, organisations), TimeML value (dates) and common options.
 * @returns
 *   New annotation.
 * @example
 *   tagSelection(source, {start: 812, end: 826}, 'PER', {role: 'Deputy Defense Minister'})
 */
export function tagSelection(
  source: string,
  range: Readonly<Range>,
  type: TagType,
  options?: Readonly<CreateOptions & {role?: string | null | undefined; value?: string | null | undefined}> | null
): TagAnnotation {
  if (!tagTypes.includes(type)) throw new Error(`Unexpected tag type \`${String(type)}\`, expected one of ${tagTypes.join(', ')}`)
  return {
    ...fields(source, range, options),
    kind: 'tag',
    type,
    ...(options?.role ? {role: options.role} : {}),
    ...(options?.value ? {value: options.value} : {})
  }
}

/**
 * Reject an automatic tag: the selected text is not an entity (or not that
 * kind of tag), in this article or in the whole workspace.
 *
 * @param source
 *   Markdown source.
 * @param range
 *   Selection (usually the tag’s span).
 * @param options
 *   Which tag type (default: any), scope (default: `article`) and common options.
 * @returns
 *   New annotation.
 */
export function rejectTag(
  source: string,
  range: Readonly<Range>,
  options?: Readonly<CreateOptions & {type?: TagType | null | undefined; scope?: RejectScope | null | undefined}> | null
): RejectAnnotation {
  const scope = options?.scope ?? 'article'
  if (scope !== 'article' && scope !== 'workspace') {
    throw new Error(`Unexpected scope \`${String(scope)}\`, expected \`article\` or \`workspace\``)
  }

  if (options?.type && !tagTypes.includes(options.type)) {
    throw new Error(`Unexpected tag type \`${options.type}\`, expected one of ${tagTypes.join(', ')}`)
  }

  return {...fields(source, range, options), kind: 'reject', scope, ...(options?.type ? {type: options.type} : {})}
}

/**
 * Merge the entity mentioned at one selection into the entity mentioned at
 * another (“Warsaw” is the Polish government here: merge into “Poland”).
 *
 * @param source
 *   Markdown source.
 * @param mention
 *   A mention of the entity to merge.
 * @param into
 *   A mention of the entity that absorbs it.
 * @param options
 *   Common options.
 * @returns
 *   New annotation.
 */
export function mergeEntities(
  source: string,
  mention: Readonly<Range>,
  into: Readonly<Range>,
  options?: Readonly<CreateOptions> | null
): MergeAnnotation {
  const base = fields(source, mention, options)
  const other = fields(source, into, {...options, id: 'into'})
  if (base.target.exact === other.target.exact) {
    throw new Error(`Unexpected merge of “${base.target.exact}” into itself, expected two different entities`)
  }

  return {...base, kind: 'merge', into: other.target}
}

/**
 * Set the verdict of a claim: replaces the verdict the same reviewer (the
 * same `creator`, or none) already gave on the same span (keeping its id and
 * creation time), or adds one. Another reviewer’s verdict is never replaced:
 * a claim can have one verdict per reviewer.
 *
 * @param annotations
 *   Current annotations.
 * @param source
 *   Markdown source.
 * @param range
 *   The claim (or the part of it that is checked).
 * @param verdict
 *   Verdict.
 * @param options
 *   Source URL, note and common options.
 * @returns
 *   New list of annotations.
 */
export function setVerdict(
  annotations: ReadonlyArray<Annotation>,
  source: string,
  range: Readonly<Range>,
  verdict: Verdict,
  options?: Readonly<CreateOptions & {source?: string | null | undefined}> | null
): Annotation[] {
  if (!verdicts.includes(verdict)) {
    throw new Error(`Unexpected verdict \`${String(verdict)}\`, expected one of ${verdicts.join(', ')}`)
  }

  if (options?.source && !isUrl(options.source)) {
    throw new Error(`Unexpected source \`${options.source}\`, expected an http(s) URL`)
  }

  const made = fields(source, range, options)
  const index = annotations.findIndex(
    (item) =>
      item.kind === 'verdict' &&
      item.target.start === made.target.start &&
      item.target.end === made.target.end &&
      sameAgent(item.creator, made.creator)
  )
  const previous = index === -1 ? undefined : annotations[index]
  const next: VerdictAnnotation = {
    ...made,
    ...(previous ? {id: previous.id, ...(previous.created ? {created: previous.created} : {}), modified: made.created!} : {}),
    kind: 'verdict',
    verdict,
    ...(options?.source ? {source: options.source} : {})
  }
  return index === -1 ? [...annotations, next] : annotations.map((item, at) => (at === index ? next : item))
}

/**
 * Remove an annotation.
 *
 * @param annotations
 *   Current annotations.
 * @param id
 *   Id of the one to remove.
 * @returns
 *   New list (the same items when none has that id).
 */
export function removeAnnotation(annotations: ReadonlyArray<Annotation>, id: string): Annotation[] {
  return annotations.filter((annotation) => annotation.id !== id)
}

function fields(source: string, range: Readonly<Range>, options?: Readonly<CreateOptions> | null) {
  let {start, end} = range
  if (!(Number.isSafeInteger(start) && Number.isSafeInteger(end) && start >= 0 && start <= end && end <= source.length)) {
    throw new Error(`Unexpected selection ${start}–${end}, expected offsets within 0–${source.length}`)
  }

  while (start < end && /\s/.test(source.charAt(start))) start++
  while (end > start && /\s/.test(source.charAt(end - 1))) end--
  if (start === end) throw new Error('Unexpected empty selection, expected some text to annotate')
  const now = options?.now ?? new Date()
  return {
    id: options?.id ?? 'urn:uuid:' + globalThis.crypto.randomUUID(),
    target: targetOf(source, start, end),
    created: typeof now === 'string' ? now : now.toISOString(),
    ...(options?.creator ? {creator: options.creator} : {}),
    ...(options?.generator ? {generator: options.generator} : {}),
    ...(options?.note ? {note: options.note} : {})
  }
}

/**
 * Whether two creators are the same reviewer: both none, or the same name
 * and IRI.
 *
 * @param a
 *   One creator.
 * @param b
 *   The other.
 * @returns
 *   Whether they are the same.
 */
function sameAgent(a: Readonly<Agent> | undefined, b: Readonly<Agent> | undefined): boolean {
  return a === undefined || b === undefined ? a === b : a.name === b.name && a.id === b.id
}
