/**
 * Parsing and validating a `.newsmarkrc` (JSON or YAML):
 *
 * ```yaml
 * rules:
 *   loaded-verb: error      # off | info | warning | error
 *   hedging: off
 *   unsourced-number: true  # true: the rule’s default severity; false: off
 * facts: .newsmark/facts.yaml  # relative to this file
 * export:                       # where exports say things are published
 *   baseUrl: https://news.example.org/articles/
 *   reviewUrl: https://factcheck.example.org/checks/{id}
 *   publisher:
 *     name: Example Fact Check
 *     url: https://factcheck.example.org/
 * ```
 *
 * Errors name the file, the line and column, and the key, and say what is
 * expected; they are thrown as `ConfigError`. They never quote a line of
 * the file: a key is named only when it looks like one, a value is cut
 * short (`safe-text.ts`).
 */
import {isMap, LineCounter, parseDocument, type Node as YamlNode} from 'yaml'
import {isUrl} from '../annotations/w3c.ts'
import {isPresetName, presetNames, ruleIds, rules, severityValues, type PresetName, type Severity} from '../rules/index.ts'
import {quoteKey, showValue, yamlReason} from '../safe-text.ts'

/** A configuration that cannot be used. */
export class ConfigError extends Error {
  /** The file the error is in. */
  readonly file: string
  /** The key (`rules.loaded-verb`), if the error is about one. */
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
   * @param cause
   *   Underlying error.
   */
  constructor(reason: string, file: string, key?: string, place?: string, cause?: unknown) {
    super(`${file}${place ? ':' + place : ''}: ${reason}`, cause === undefined ? undefined : {cause})
    this.name = 'ConfigError'
    this.file = file
    this.key = key
  }
}

/** A `.newsmarkrc`, validated. */
export interface NewsmarkConfig {
  /** Severity per rule id (rules left out keep their default). */
  rules: Record<string, Severity | 'off'>
  /** Path of the fact base as written, relative to the config file. */
  facts?: string
  /** Preset (`recommended` or `strict`), if set. */
  preset?: PresetName
  /** Where exports say articles and fact checks are published. */
  export?: ExportConfig
  /** Which Markdown files under the configuration's folder are articles. */
  files?: FilesConfig
}

/**
 * The `files` section of a `.newsmarkrc`: globs relative to its folder. A
 * file is an article when it matches an `include` glob (or there are none)
 * and no `exclude` glob. Folders and globs of `newsmark check`, and the
 * editor, leave the others out; a file named on its own is checked.
 */
export interface FilesConfig {
  include: string[]
  exclude: string[]
}
/** The `export` section of a `.newsmarkrc`. */
export interface ExportConfig {
  /** URL the articles are published under (an absolute http(s) URL). */
  baseUrl?: string
  /** Pattern of a published fact check’s URL (`{id}`, `{article}`). */
  reviewUrl?: string
  /** The organisation that publishes the fact checks. */
  publisher?: {name: string; url?: string}
}

const topKeys = ['preset', 'rules', 'facts', 'export', 'files']
const exportKeys = ['baseUrl', 'reviewUrl', 'publisher']


/**
 * Parse and validate a configuration file.
 *
 * @param text
 *   File content (JSON or YAML; empty is an empty configuration).
 * @param file
 *   File name, for errors.
 * @returns
 *   Configuration.
 * @throws {ConfigError}
 *   On invalid syntax, an unknown key or rule id, or a bad value.
 */
export function parseConfig(text: string, file: string): NewsmarkConfig {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, {lineCounter, prettyErrors: false})
  const [error] = document.errors
  if (error) {
    throw new ConfigError(
      `Unexpected invalid ${/\.json$/.test(file) ? 'JSON' : 'YAML'} (${yamlReason(error.message)}), expected a configuration`,
      file,
      undefined,
      at(error.pos[0]),
      error
    )
  }

  const root = document.contents as YamlNode | null
  const config: NewsmarkConfig = {rules: {}}
  if (root === null) return config
  if (!isMap(root)) throw new ConfigError('Unexpected value, expected a mapping (`preset`, `rules`, `facts`, `export`, `files`)', file, undefined, place(root))

  for (const pair of root.items) {
    const key = String((pair.key as {value?: unknown}).value)
    const value = pair.value as YamlNode | null
    if (key === 'rules') {
      if (!isMap(value)) throw fail('Unexpected value for `rules`, expected a mapping of rule ids to severities', 'rules', value)
      for (const rule of value.items) {
        const id = String((rule.key as {value?: unknown}).value)
        const node = rule.value as YamlNode | null
        if (!ruleIds.includes(id)) {
          const near = closest(id, ruleIds)
          throw fail(
            `Unexpected rule id${named(id)} in \`rules\`, expected ${near ? `\`${near}\` or ` : ''}one of ${ruleIds.map((id) => '`' + id + '`').join(', ')}`,
            `rules.${id}`,
            rule.key as YamlNode
          )
        }

        const severity = toSeverity(node?.toJSON())
        if (severity === undefined) {
          throw fail(
            `Unexpected value \`${showValue(node?.toJSON())}\` for \`rules.${id}\`, expected \`off\`, \`info\`, \`warning\`, \`error\`, \`true\` or \`false\``,
            `rules.${id}`,
            node
          )
        }

        // `true`: the rule's own severity, also when the preset leaves it out.
        config.rules[id] = severity === 'default' ? rules.find((rule) => rule.id === id)!.severity : severity
      }
    } else if (key === 'preset') {
      const name = value?.toJSON() as unknown
      if (!isPresetName(name)) {
        throw fail(`Unexpected value \`${showValue(name)}\` for \`preset\`, expected ${presetNames.map((name) => '`' + name + '`').join(' or ')}`, 'preset', value)
      }

      config.preset = name
    } else if (key === 'facts') {
      const path = value?.toJSON() as unknown
      if (typeof path !== 'string' || path.trim() === '') {
        throw fail(`Unexpected value \`${showValue(path)}\` for \`facts\`, expected the path of a YAML fact base`, 'facts', value)
      }

      config.facts = path.trim()
    } else if (key === 'export') {
      config.export = readExport(value)
    } else if (key === 'files') {
      config.files = readFiles(value)
    } else {
      const names = topKeys.map((key) => '`' + key + '`')
      throw fail(`Unexpected key${named(key)}, expected ${names.slice(0, -1).join(', ')} or ${names.at(-1)}`, key, pair.key as YamlNode)
    }
  }

  return config

  function readExport(node: YamlNode | null): ExportConfig {
    if (!isMap(node)) throw fail('Unexpected value for `export`, expected a mapping (`baseUrl`, `reviewUrl`, `publisher`)', 'export', node)
    const result: ExportConfig = {}
    for (const pair of node.items) {
      const name = String((pair.key as {value?: unknown}).value)
      const item = pair.value as YamlNode | null
      const value: unknown = item?.toJSON()
      if (name === 'baseUrl') {
        result.baseUrl = url(value, 'export.baseUrl', item)
      } else if (name === 'reviewUrl') {
        if (typeof value !== 'string' || !value.includes('{id}')) {
          throw fail(`Unexpected value \`${showValue(value)}\` for \`export.reviewUrl\`, expected a URL pattern with \`{id}\``, 'export.reviewUrl', item)
        }

        result.reviewUrl = value.trim()
      } else if (name === 'publisher') {
        if (!isMap(item)) throw fail('Unexpected value for `export.publisher`, expected a mapping with `name` and `url`', 'export.publisher', item)
        const publisher = item.toJSON() as Record<string, unknown>
        for (const field of Object.keys(publisher)) {
          if (field !== 'name' && field !== 'url') {
            throw fail(`Unexpected key${named(field)} in \`export.publisher\`, expected \`name\` or \`url\``, `export.publisher.${field}`, item)
          }
        }

        if (typeof publisher.name !== 'string' || !publisher.name.trim()) {
          const what = publisher.name === undefined ? 'missing `name`' : `value \`${showValue(publisher.name)}\` for \`name\``
          throw fail(`Unexpected ${what} in \`export.publisher\`, expected the organisation’s name`, 'export.publisher.name', item)
        }

        result.publisher = {
          name: publisher.name.trim(),
          ...(publisher.url === undefined ? {} : {url: url(publisher.url, 'export.publisher.url', item)})
        }
      } else {
        throw fail(`Unexpected key${named(name)} in \`export\`, expected ${exportKeys.map((key) => '`' + key + '`').join(', ')}`, `export.${name}`, pair.key as YamlNode)
      }
    }

    return result
  }

  function readFiles(node: YamlNode | null): FilesConfig {
    if (!isMap(node)) throw fail('Unexpected value for `files`, expected a mapping (`include`, `exclude`)', 'files', node)
    const result: FilesConfig = {include: [], exclude: []}
    for (const pair of node.items) {
      const name = String((pair.key as {value?: unknown}).value)
      const item = pair.value as YamlNode | null
      if (name !== 'include' && name !== 'exclude') {
        throw fail(`Unexpected key${named(name)} in \`files\`, expected \`include\` or \`exclude\``, `files.${name}`, pair.key as YamlNode)
      }

      const value: unknown = item?.toJSON()
      const list = typeof value === 'string' ? [value] : value
      if (!Array.isArray(list) || list.some((glob) => typeof glob !== 'string' || glob.trim() === '' || glob.trim().startsWith('/') || /(^|\/)\.\.(\/|$)/.test(glob))) {
        throw fail(`Unexpected value \`${showValue(value)}\` for \`files.${name}\`, expected globs relative to this file’s folder (\`articles/**/*.md\`), none starting with \`/\` or going up with \`..\``, `files.${name}`, item)
      }

      result[name] = (list as string[]).map((glob) => glob.trim())
    }

    return result
  }

  function url(value: unknown, key: string, node: YamlNode | null | undefined): string {
    if (typeof value !== 'string' || !isUrl(value.trim())) {
      throw fail(`Unexpected value \`${showValue(value)}\` for \`${key}\`, expected an http(s) URL`, key, node)
    }

    return value.trim()
  }

  function fail(reason: string, key: string, node: YamlNode | null | undefined): ConfigError {
    return new ConfigError(reason, file, key, place(node))
  }

  function place(node: YamlNode | null | undefined): string | undefined {
    return node?.range ? at(node.range[0]) : undefined
  }

  function at(offset: number): string {
    const position = lineCounter.linePos(offset)
    return `${position.line}:${position.col}`
  }
}

/** A rule’s configured value as a severity (`default` for `true`). */
function toSeverity(value: unknown): Severity | 'off' | 'default' | undefined {
  if (value === true) return 'default'
  if (value === false) return 'off'
  return typeof value === 'string' && (severityValues as ReadonlyArray<string>).includes(value)
    ? (value as Severity | 'off')
    : undefined
}

/** The candidate nearest to a misspelt id, if near enough. */
function closest(value: string, candidates: ReadonlyArray<string>): string | undefined {
  let best: string | undefined
  let bestDistance = Math.max(2, Math.floor(value.length / 4)) + 1
  for (const candidate of candidates) {
    const distance = levenshtein(value, candidate)
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }

  return best
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    }

    previous = current
  }

  return previous[b.length]
}

/** A key quoted after “Unexpected key”, or nothing when it does not look like one (the place says where). */
function named(key: string): string {
  const quoted = quoteKey(key)
  return quoted ? ' ' + quoted : ''
}
