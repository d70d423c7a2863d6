/**
 * Options of `remarkNewsmark`, their defaults and their validation.
 */
import {parseIsoDate} from './dates/iso-date.ts'
import type {FactInput} from './facts/types.ts'
export {parseIsoDate} from './dates/iso-date.ts'
import {normalizeRuleSettings, type PresetName, type RuleSettings, type Severity} from './rules/index.ts'

/** Configuration. */
export interface Options {
  /**
   * Date that relative dates ("next month") resolve against, `YYYY-MM-DD`,
   * used when the front matter has no `date:` (default: none).
   */
  referenceDate?: string | null | undefined
  /** Tag entities (default: `true`). */
  entities?: boolean | null | undefined
  /** Tag dates (default: `true`). */
  dates?: boolean | null | undefined
  /** Tag claims (default: `true`). */
  claims?: boolean | null | undefined
  /**
   * Preset: `recommended` (the rules that are right on real news; the
   * CLI's and the editor's default) or `strict` (every rule; the API's
   * default).
   */
  preset?: PresetName | null | undefined
  /** How many claims `claim-to-check` lists, 0 to 10 (default: 5). */
  claimsToCheck?: number | null | undefined
  /** Severity per rule id, `off` to turn a rule off (default: each rule’s own, or its preset’s). */
  rules?: Readonly<Record<string, Severity | 'off'>> | null | undefined
  /** The reader’s fact base (default: none). */
  facts?: ReadonlyArray<FactInput> | null | undefined
}

/** Options with defaults applied. */
export interface Settings {
  referenceDate: string | undefined
  entities: boolean
  dates: boolean
  claims: boolean
  /** Rule severities and the fact base, validated. */
  rules: RuleSettings
}


/**
 * Validate options and apply defaults.
 *
 * @param options
 *   Options.
 * @returns
 *   Settings.
 * @throws
 *   When a value is invalid, naming the option and what is expected.
 */
export function normalizeOptions(options?: Readonly<Options> | null): Settings {
  const settings: Settings = {
    referenceDate: undefined,
    entities: options?.entities ?? true,
    dates: options?.dates ?? true,
    claims: options?.claims ?? true,
    rules: normalizeRuleSettings({preset: options?.preset, severities: options?.rules, facts: options?.facts, claimsToCheck: options?.claimsToCheck})
  }

  const date = options?.referenceDate
  if (date !== undefined && date !== null) {
    const valid = parseIsoDate(date)
    if (!valid) {
      throw new Error(
        `Unexpected value \`${String(date)}\` for option \`referenceDate\`, expected a date as \`YYYY-MM-DD\``
      )
    }

    settings.referenceDate = valid
  }

  for (const key of ['entities', 'dates', 'claims'] as const) {
    if (typeof settings[key] !== 'boolean') {
      throw new Error(
        `Unexpected value \`${String(settings[key])}\` for option \`${key}\`, expected \`true\` or \`false\``
      )
    }
  }

  return settings
}

