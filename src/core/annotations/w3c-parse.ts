/**
 * Reading W3C Web Annotation objects back into Newsmark annotations, with a
 * problem (one line, saying where and what was expected) for everything
 * that does not fit. The mapping is described in `w3c.ts`.
 */
import {codePoints, type CodePoints} from './positions.ts'
import {tagTypes, verdicts, type Agent, type Annotation, type TagType, type Target, type Verdict} from './types.ts'
import {isUrl, type JsonObject} from './w3c.ts'

/**
 * Read one W3C Web Annotation object as a Newsmark annotation.
 *
 * @param value
 *   Parsed JSON.
 * @param source
 *   The article as it is now (to turn code points into UTF-16 offsets).
 * @param where
 *   Label of this value in problem messages (`annotation 3`).
 * @param problems
 *   List that problems are added to.
 * @param points
 *   The code points of `source` (`codePoints`): pass them when reading many
 *   annotations of one text.
 * @returns
 *   Annotation, or `undefined` when it has problems.
 */
export function fromW3c(value: unknown, source: string, where: string, problems: string[], points: CodePoints = codePoints(source)): Annotation | undefined {
  const count = problems.length
  const problem = (reason: string) => problems.push(`${where}: ${reason}`)
  if (!isObject(value)) {
    problem(`expected an object, not ${describe(value)}`)
    return undefined
  }

  const label = typeof value.id === 'string' && value.id ? `${where} (${value.id})` : where
  const report = (reason: string) => problems.push(`${label}: ${reason}`)
  if (!list(value.type).includes('Annotation')) report('expected `"type": "Annotation"`')
  if (typeof value.id !== 'string' || !value.id) report('missing `id`, expected an IRI such as `urn:uuid:…`')
  const motivations = list(value.motivation)
  const kind = motivations.includes('assessing')
    ? 'verdict'
    : motivations.includes('moderating')
      ? 'reject'
      : motivations.includes('linking')
        ? 'merge'
        : motivations.includes('identifying') || motivations.includes('tagging')
          ? 'tag'
          : undefined
  if (!kind) {
    const expected = 'expected identifying, tagging, moderating, linking or assessing'
    report(value.motivation === undefined ? `missing \`motivation\`, ${expected}` : `unexpected \`motivation\` ${JSON.stringify(value.motivation)}, ${expected}`)
  }

  const target = readTarget(Array.isArray(value.target) ? value.target[0] : value.target, points, 'target', report)
  const bodies = list(value.body).filter(isObject)
  const text = (purpose: string) => {
    const body = bodies.find((item) => item.purpose === purpose && typeof item.value === 'string')
    return body ? (body.value as string) : undefined
  }

  const fields = {
    id: String(value.id),
    target: target!,
    ...optionalString(value, 'created', report),
    ...optionalString(value, 'modified', report),
    ...optionalAgent(value, 'creator', report),
    ...optionalAgent(value, 'generator', report),
    ...(text('commenting') ? {note: text('commenting')!} : {})
  }
  const type = text('classifying')
  if (type !== undefined && !tagTypes.includes(type as TagType)) {
    report(`unexpected classifying body \`${type}\`, expected one of ${tagTypes.join(', ')}`)
  }

  let annotation: Annotation | undefined
  if (kind === 'tag') {
    if (type === undefined) report('missing a body with `"purpose": "classifying"` and a tag type (PER, ORG, …)')
    const description = text('describing')
    annotation = {
      ...fields,
      kind,
      type: type as TagType,
      ...(description && type === 'DATE' ? {value: description} : {}),
      ...(description && type !== 'DATE' ? {role: description} : {})
    }
  } else if (kind === 'reject') {
    const scope = value.scope ?? 'article'
    if (scope !== 'article' && scope !== 'workspace') {
      report(`unexpected \`scope\` ${JSON.stringify(scope)}, expected "article" or "workspace"`)
    }

    annotation = {...fields, kind, scope: scope as 'article', ...(type ? {type: type as TagType} : {})}
  } else if (kind === 'merge') {
    const body = bodies.find((item) => item.purpose === 'identifying')
    const into = body ? readTarget(body, points, 'body', report) : undefined
    if (!body) report('missing a body with `"purpose": "identifying"`: the mention to merge into')
    annotation = {...fields, kind, into: into!}
  } else if (kind === 'verdict') {
    const verdict = text('assessing')
    if (!verdicts.includes(verdict as Verdict)) {
      report(`unexpected verdict ${JSON.stringify(verdict ?? null)}, expected one of ${verdicts.join(', ')}`)
    }

    const link = bodies.find((item) => item.purpose === 'linking')
    // A SpecificResource with the URL as its `source` (what Newsmark
    // writes), or, as older sidecars have it, the URL as the body’s `id`.
    const url = link ? (isObject(link.source) ? link.source.id : (link.source ?? link.id)) : undefined
    if (link && (typeof url !== 'string' || !isUrl(url))) {
      report(`unexpected source ${JSON.stringify(url ?? null)}, expected an http(s) URL`)
    }

    annotation = {...fields, kind, verdict: verdict as Verdict, ...(link ? {source: String(url)} : {})}
  }

  return problems.length === count ? annotation : undefined
}

function readTarget(value: unknown, points: CodePoints, where: string, report: (reason: string) => void): Target | undefined {
  if (!isObject(value)) {
    report(`\`${where}\`: expected an object with a \`selector\`, not ${describe(value)}`)
    return undefined
  }

  const selectors = list(value.selector).filter(isObject)
  const quote = selectors.find((item) => item.type === 'TextQuoteSelector')
  const position = selectors.find((item) => item.type === 'TextPositionSelector')
  if (!quote || typeof quote.exact !== 'string' || quote.exact.length === 0) {
    report(`\`${where}.selector\`: expected a TextQuoteSelector with a non-empty \`exact\``)
    return undefined
  }

  for (const key of ['prefix', 'suffix'] as const) {
    if (quote[key] !== undefined && typeof quote[key] !== 'string') {
      report(`\`${where}.selector\`: expected \`${key}\` to be a string, not ${describe(quote[key])}`)
    }
  }

  let start = -1
  let end = -1
  if (position) {
    const from = position.start
    const to = position.end
    if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || (from as number) < 0 || (to as number) < (from as number)) {
      report(
        `\`${where}.selector\`: expected TextPositionSelector \`start\` and \`end\` to be whole numbers with 0 ≤ start ≤ end, not ${JSON.stringify(from ?? null)}–${JSON.stringify(to ?? null)}`
      )
    } else {
      start = points.fromCodePoint(from as number)
      end = start === -1 ? -1 : points.fromCodePoint(to as number)
      if (end === -1) start = -1
    }
  }

  return {
    start,
    end,
    exact: quote.exact,
    prefix: typeof quote.prefix === 'string' ? quote.prefix : '',
    suffix: typeof quote.suffix === 'string' ? quote.suffix : ''
  }
}

function optionalString(value: JsonObject, key: 'created' | 'modified', report: (reason: string) => void) {
  const field = value[key]
  if (field === undefined) return {}
  if (typeof field !== 'string' || Number.isNaN(Date.parse(field))) {
    report(`unexpected \`${key}\` ${JSON.stringify(field)}, expected an ISO 8601 date-time`)
    return {}
  }

  return {[key]: field}
}

function optionalAgent(value: JsonObject, key: 'creator' | 'generator', report: (reason: string) => void) {
  const field = value[key]
  if (field === undefined) return {}
  if (typeof field === 'string' && field) {
    return {[key]: {type: key === 'creator' ? 'Person' : 'Software', name: field} satisfies Agent}
  }

  if (!isObject(field) || typeof field.name !== 'string' || !field.name) {
    report(`unexpected \`${key}\`, expected an object with a \`name\``)
    return {}
  }

  const type = field.type === 'Organization' || field.type === 'Software' || field.type === 'Person'
    ? field.type
    : key === 'creator' ? 'Person' : 'Software'
  const agent: Agent = {type, name: field.name, ...(typeof field.id === 'string' ? {id: field.id} : {})}
  return {[key]: agent}
}

function list(value: unknown): unknown[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function describe(value: unknown): string {
  return value === undefined ? 'nothing' : Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value
}
