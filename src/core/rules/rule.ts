/**
 * What a rule is: an id, a default severity and a check over the tagged
 * document. Rules never deal with configuration: the runner (`index.ts`)
 * skips rules that are off and gives each report its rule id and severity,
 * as `unified-lint-rule` does for remark-lint.
 */
import type {FactInput} from '../facts/types.ts'
import type {RuleContext} from './context.ts'
import type {PresetName} from './presets.ts'
import type {Finding, Severity} from './report.ts'

export type {RuleContext} from './context.ts'
export type {Severity} from './report.ts'

/** A finding as a rule reports it: the runner adds the rule id and severity. */
export interface RuleFinding extends Omit<Finding, 'ruleId' | 'severity'> {
  /**
   * Severity of this finding when the rule has outcomes of different weight
   * (`fact-contradiction`); used only while the rule's severity is not
   * configured (default: the rule's severity).
   */
  severity?: Severity
}

/** A rule. */
export interface Rule {
  /** Kebab-case id, also the anchor of its section in `docs/rules.md`. */
  id: string
  /** Severity when not configured. */
  severity: Severity
  /**
   * Check a document.
   *
   * @param context
   *   The tagged document, with `report` bound to this rule.
   */
  check(context: RuleContext, report: (finding: RuleFinding) => void): void
}

/** Per-rule settings with the fact base, as `runRules` takes them. */
export interface RuleSettings {
  /**
   * Preset: `recommended` or `strict` (every rule; the API's default:
   * the CLI and the editor default to `recommended`); `severities` win
   * over it.
   */
  preset?: PresetName | null | undefined
  /** Severity per rule id; `off` turns a rule off (default: each rule’s own). */
  severities?: Readonly<Record<string, Severity | 'off'>> | null | undefined
  /** How many claims `claim-to-check` lists, 0 to 10 (default: 5). */
  claimsToCheck?: number | null | undefined
  /**
   * The reader’s fact base (default: none): facts from `parseFacts`, or as
   * written (validated here, errors name `settings`).
   */
  facts?: ReadonlyArray<FactInput> | null | undefined
}
