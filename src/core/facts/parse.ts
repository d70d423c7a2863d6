/**
 * Reading the fact base: a YAML (or JSON) list of facts, as in
 * `.newsmark/facts.yaml`:
 *
 * ```yaml
 * - subject: Ottawa Convention
 *   aliases: [Mine Ban Treaty, Ottawa Treaty]
 *   property: adopted
 *   value: 1997
 *   source: https://www.un.org/disarmament/anti-personnel-landmines-convention/
 * - subject: BELMA
 *   property: [production, output]
 *   value: 25 times
 *   source: Radio Zet interview, 2026-01-15
 *   verdict: false
 * - claim: Russia plans to attack NATO members
 *   verdict: unverifiable
 *   source: articles/poland-ottawa.md
 * ```
 *
 * The list may also sit under a top-level `facts:` key. Errors name the
 * file, the line and column, the fact’s number and the key, and say what is
 * expected; they are thrown as `FactsError`. They never quote a line of the
 * file (a key only when it looks like one, values cut short:
 * `safe-text.ts`).
 */
import {isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode} from 'yaml'
import {verdicts} from '../annotations/types.ts'
import {quoteKey, showValue, yamlReason} from '../safe-text.ts'
import type {ClaimFact, ClaimFactInput, Fact, ValueFact, ValueFactInput, Verdict} from './types.ts'

/** A fact base that cannot be read. */
export class FactsError extends Error {
  /** File (or `settings`) the error is in. */
  readonly file: string
  /** Key path (`facts[2].verdict`), if the error is about one key. */
  readonly key: string | undefined

  /**
   * @param reason
   *   What is wrong (“Unexpected …, expected …”).
   * @param file
   *   File name.
   * @param key
   *   Key path.
   * @param place
   *   `line:column`, if known.
   */
  constructor(reason: string, file: string, key?: string, place?: string) {
    super(`${file}${place ? ':' + place : ''}: ${reason}`)
    this.name = 'FactsError'
    this.file = file
    this.key = key
  }
}

const valueKeys = ['subject', 'aliases', 'property', 'value', 'source', 'date', 'verdict'] as const
const claimKeys = ['claim', 'verdict', 'source', 'date'] as const
const datePattern = /^\d{4}(-\d{2}(-\d{2})?)?$/

/**
 * Parse a fact base file.
 *
 * @param text
 *   YAML or JSON text.
 * @param file
 *   File name for messages (`.newsmark/facts.yaml`).
 * @returns
 *   Facts.
 * @throws {FactsError}
 *   When the text is not valid YAML or a fact is invalid.
 */
export function parseFacts(text: string, file: string): Fact[] {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, {lineCounter, prettyErrors: false})
  const [error] = document.errors
  if (error) {
    const at = lineCounter.linePos(error.pos[0])
    throw new FactsError(
      `Unexpected invalid YAML (${yamlReason(error.message)}), expected a list of facts`,
      file,
      undefined,
      `${at.line}:${at.col}`
    )
  }

  let contents = document.contents as YamlNode | null
  let prefix = ''
  if (isMap(contents)) {
    const other = contents.items.find((pair) => String((pair.key as {value?: unknown})?.value ?? pair.key) !== 'facts')
    if (other) {
      throw new FactsError(
        `Unexpected key${named(String((other.key as {value?: unknown})?.value ?? other.key))}, expected a list of facts or \`facts:\``,
        file,
        undefined,
        place(other.key as YamlNode)
      )
    }

    contents = (contents.get('facts', true) as YamlNode | undefined) ?? null
    prefix = 'facts'
  }

  if (contents === null || contents === undefined || (isScalar(contents) && contents.value === null)) return []
  if (!isSeq(contents)) {
    throw new FactsError('Unexpected value, expected a list of facts', file, prefix || undefined, place(contents))
  }

  const values = contents.toJSON() as unknown[]
  return values.map((value, index) => {
    const item = contents.items[index] as YamlNode
    return normalizeFact(value, {
      file,
      label: `${prefix}[${index}]`,
      number: index + 1,
      place: (key) => place(isMap(item) ? (keyNode(item.items, key) ?? item) : item)
    })
  })

  function keyNode(pairs: ReadonlyArray<{key: unknown}>, key: string): YamlNode | undefined {
    const pair = pairs.find((pair) => String((pair.key as {value?: unknown})?.value) === key)
    return pair?.key as YamlNode | undefined
  }

  function place(node: YamlNode | null | undefined): string | undefined {
    if (!node?.range) return undefined
    const at = lineCounter.linePos(node.range[0])
    return `${at.line}:${at.col}`
  }
}

/**
 * Validate facts given in settings (JSON) rather than a file.
 *
 * @param values
 *   Fact inputs.
 * @param file
 *   Where they come from, for messages (default: `settings`).
 * @returns
 *   Facts.
 * @throws {FactsError}
 *   When a fact is invalid.
 */
export function normalizeFacts(values: unknown, file = 'settings'): Fact[] {
  if (!Array.isArray(values)) {
    throw new FactsError('Unexpected value for `facts`, expected a list of facts', file, 'facts')
  }

  return values.map((value, index) =>
    normalizeFact(value, {file, label: `facts[${index}]`, number: index + 1, place: () => undefined})
  )
}

/** Where a fact is, for messages. */
interface Where {
  file: string
  /** Key path of the fact (`[2]`, `facts[2]`). */
  label: string
  /** 1-based number of the fact. */
  number: number
  /** `line:column` of a key, if known. */
  place(key: string): string | undefined
}

/**
 * Validate one fact.
 *
 * @param value
 *   Raw value.
 * @param where
 *   Where it is.
 * @returns
 *   Fact.
 */
function normalizeFact(value: unknown, where: Where): Fact {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    fail('', 'Unexpected value', 'a fact (`subject`, `property`, `value`, `source`) or a checked claim (`claim`, `verdict`, `source`)')
  }

  const record = value as Record<string, unknown>
  const keys: ReadonlyArray<string> = 'claim' in record ? claimKeys : valueKeys
  for (const key of Object.keys(record)) {
    // `origin` and `kind` are what normalising adds: facts it made may come back.
    if (!keys.includes(key) && key !== 'origin' && key !== 'kind') {
      // (A key that does not look like one is not put in the key path either.)
      fail(quoteKey(key) ? key : '', `Unexpected key${named(key)}`, list(keys))
    }
  }

  const origin =
    typeof record.origin === 'string' ? record.origin : `${where.file}${where.place('') ? ':' + where.place('') : ''}`

  if ('claim' in record) {
    const input = record as Partial<ClaimFactInput>
    if (input.verdict === undefined || input.verdict === null) fail('verdict', 'Missing `verdict`', list(verdicts))
    const fact: ClaimFact = {kind: 'claim', claim: text('claim', input.claim), verdict: verdict(input.verdict), source: text('source', input.source)}
    if (input.date !== undefined && input.date !== null) fact.date = date(input.date)
    fact.origin = origin
    return fact
  }

  const input = record as Partial<ValueFactInput>
  const fact: ValueFact = {
    kind: 'value',
    subject: text('subject', input.subject),
    aliases: strings('aliases', input.aliases ?? [], true),
    property: strings('property', input.property, false),
    value: valueText(input.value),
    source: text('source', input.source)
  }

  if (input.date !== undefined && input.date !== null) fact.date = date(input.date)
  if (input.verdict !== undefined && input.verdict !== null) fact.verdict = verdict(input.verdict)
  fact.origin = origin
  return fact

  function text(key: string, value: unknown): string {
    if (value === undefined || value === null) fail(key, `Missing \`${key}\``, 'a text')
    if (typeof value !== 'string' || value.trim() === '') {
      fail(key, `Unexpected value \`${show(value)}\` for \`${key}\``, 'a non-empty text')
    }

    return value.trim()
  }

  function strings(key: string, value: unknown, empty: boolean): string[] {
    if (value === undefined || value === null) fail(key, `Missing \`${key}\``, 'a text or a list of texts')
    const values = typeof value === 'string' ? [value] : value
    if (
      !Array.isArray(values) ||
      (!empty && values.length === 0) ||
      values.some((item) => typeof item !== 'string' || item.trim() === '')
    ) {
      fail(key, `Unexpected value \`${show(value)}\` for \`${key}\``, 'a text or a list of texts')
    }

    return (values as string[]).map((item) => item.trim())
  }

  function valueText(value: unknown): string {
    if (value === undefined || value === null) fail('value', 'Missing `value`', 'a text, number or date')
    if (value instanceof Date) return value.toISOString().slice(0, 10)
    if (typeof value === 'number' && Number.isFinite(value)) return String(value)
    if (typeof value === 'boolean') return String(value)
    if (typeof value === 'string' && value.trim() !== '') return value.trim()
    fail('value', `Unexpected value \`${show(value)}\` for \`value\``, 'a text, number or date')
  }

  function date(value: unknown): string {
    const result =
      value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'number' ? String(value) : value
    if (typeof result !== 'string' || !datePattern.test(result)) {
      fail('date', `Unexpected value \`${show(value)}\` for \`date\``, '`YYYY`, `YYYY-MM` or `YYYY-MM-DD`')
    }

    return result
  }

  function verdict(value: unknown): Verdict {
    const result = typeof value === 'boolean' ? String(value) : value
    if (!verdicts.includes(result as Verdict)) {
      fail('verdict', `Unexpected value \`${show(value)}\` for \`verdict\``, list(verdicts))
    }

    return result as Verdict
  }

  function fail(key: string, unexpected: string, expected: string): never {
    const path = where.label + (key ? '.' + key : '')
    throw new FactsError(
      `${unexpected} in fact ${where.number} (\`${path}\`), expected ${expected}`,
      where.file,
      path,
      where.place(key)
    )
  }
}

function list(values: ReadonlyArray<string>): string {
  const quoted = values.map((value) => '`' + value + '`')
  return quoted.slice(0, -1).join(', ') + ' or ' + quoted[quoted.length - 1]
}

function show(value: unknown): string {
  return showValue(value)
}

/** A key quoted after “Unexpected key”, or nothing when it does not look like one (the place says where). */
function named(key: string): string {
  const quoted = quoteKey(key)
  return quoted ? ' ' + quoted : ''
}
