/**
 * The rule set: every check that turns tags into findings, one rule per
 * module, run in this order. `runRules` applies severities (a rule that is
 * `off` does not run), gives each finding its rule id, severity and docs
 * URL, and then lets `<!-- newsmark disable … -->` comments filter them.
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {viewDocument, type DocumentView} from '../document.ts'
import {defaultClaimsToCheck, maxClaimsToCheck} from '../claims/to-check.ts'
import {rankClaims} from '../claims/rank.ts'
import {normalizeFacts} from '../facts/parse.ts'
import {isAnalysedLanguage, type ArticleKind} from '../genre.ts'
import {createParser} from '../parse.ts'
import type {Fact} from '../facts/types.ts'
import type {NewsmarkResult} from '../types.ts'
import {createContext} from './context.ts'
import claimToCheck from './claim-to-check.ts'
import {applyComments} from './control.ts'
import factContradiction from './fact-contradiction.ts'
import hedging from './hedging.ts'
import frontMatterDate from './front-matter-date.ts'
import frontMatterInvalid from './front-matter-invalid.ts'
import inconsistentDate from './inconsistent-date.ts'
import inconsistentName from './inconsistent-name.ts'
import languageUnsupported from './language-unsupported.ts'
import loadedVerb from './loaded-verb.ts'
import quoteWithoutSpeaker from './quote-without-speaker.ts'
import relativeDate from './relative-date.ts'
import relativeDateUnresolved from './relative-date-unresolved.ts'
import {report, untraced} from './report.ts'
import {isPresetName, presetNames, presetSeverities, type PresetName} from './presets.ts'
import type {Rule, RuleFinding, RuleSettings, Severity} from './rule.ts'
import unattributedClaim from './unattributed-claim.ts'
import unsourcedNumber from './unsourced-number.ts'
import vagueSource from './vague-source.ts'

export {ignoreComment, type Insertion} from './control.ts'
export type {Rule, RuleFinding, RuleSettings, Severity} from './rule.ts'
export {defaultPreset, isPresetName, notRecommended, presetNames, presetSeverities, type PresetName} from './presets.ts'

/** Every rule, in the order they run. */
export const rules: ReadonlyArray<Rule> = [
  // The front matter first: it is the top of the document.
  frontMatterInvalid,
  frontMatterDate,
  languageUnsupported,
  relativeDateUnresolved,
  relativeDate,
  inconsistentDate,
  claimToCheck,
  unattributedClaim,
  vagueSource,
  quoteWithoutSpeaker,
  unsourcedNumber,
  loadedVerb,
  hedging,
  inconsistentName,
  factContradiction
]

/** Rules that run on an article in any language. */
const languageNeutral = new Set([frontMatterInvalid.id, frontMatterDate.id, languageUnsupported.id])

/** Rule ids. */
export const ruleIds: ReadonlyArray<string> = rules.map((rule) => rule.id)

/** Values a rule’s severity may be set to. */
export const severityValues: ReadonlyArray<Severity | 'off'> = ['off', 'info', 'warning', 'error']

/**
 * Run every rule on a tagged file.
 *
 * @param file
 *   File (its value is the Markdown source).
 * @param result
 *   Tags.
 * @param settings
 *   Severities per rule and the fact base (optional).
 * @param parsed
 *   What the caller already has: the mdast tree (for `<!-- newsmark … -->`
 *   comments) and the prose view the tags were made from (optional; the
 *   source is parsed as Markdown for what is missing, when needed).
 * @throws
 *   When a setting is invalid, naming the key and what is expected.
 */
export function runRules(
  file: VFile,
  result: NewsmarkResult,
  settings?: Readonly<RuleSettings> | null,
  parsed?: Readonly<Parsed> | null
): void {
  const {severities, facts, claimsToCheck} = normalizeRuleSettings(settings)
  const source = String(file.value ?? '')
  let tree = parsed?.tree ?? undefined
  const getTree = () => (tree ??= createParser().parse(source))
  // Front matter opens the document (after a byte order mark, if any).
  const context = createContext(
    file,
    result,
    facts,
    () => parsed?.document ?? viewDocument(getTree(), source),
    () => (/^\ufeff?---/.test(source) ? getTree() : undefined),
    parsed?.kind ?? undefined,
    claimsToCheck,
    (context) => rankClaims(context, claimsToCheck)
  )
  // In another language, only the front matter's rules and the one that says so.
  const analysed = isAnalysedLanguage(context.kind.language)
  // The claims to check are tags as much as findings: the sidebar lists
  // them whatever the preset (`claim-to-check` reports the same list).
  const toCheck = analysed ? context.toCheck : []
  if (toCheck.length > 0) {
    result.toCheck = toCheck.map((entry, index) => ({start: entry.claim.start, end: entry.claim.end, text: entry.claim.text, rank: index + 1, reason: entry.reason}))
  } else {
    delete result.toCheck
  }

  for (const rule of rules) {
    const configured = severities[rule.id]
    if (configured === 'off') continue
    if (!analysed && !languageNeutral.has(rule.id)) continue
    const findings: RuleFinding[] = []
    rule.check(context, (finding) => findings.push(finding))
    // In document order, whatever order the rule found them in.
    findings.sort((a, b) => a.start - b.start || a.end - b.end)
    untraced(() => {
      for (const finding of findings) {
        report(file, finding, rule.id, configured ?? finding.severity ?? rule.severity)
      }
    })
  }

  if (/<!--\s*newsmark\b/.test(source)) {
    try {
      applyComments(getTree(), file, ruleIds)
    } catch (error) {
      // `unified-message-control` walks the tree recursively: markup nested
      // thousands deep (`> > > …`) exhausts the stack. The findings stay.
      if (!(error instanceof RangeError)) throw error
      const message = file.message('Unexpected markup nested too deep to read `<!-- newsmark … -->` comments, expected fewer levels: every finding is shown', {
        ruleId: 'newsmark-comment',
        source: 'newsmark'
      })
      message.fatal = false
    }
  }
}

/** What the caller of `runRules` already parsed. */
export interface Parsed {
  /** mdast tree of the file. */
  tree?: Root | null | undefined
  /** Prose view of the file (`viewDocument(tree, source)`). */
  document?: DocumentView | null | undefined
  /** The article's genre and language (`kindOf(frontMatter, source)`). */
  kind?: ArticleKind | null | undefined
}

/**
 * Validate rule settings.
 *
 * @param settings
 *   Settings.
 * @returns
 *   Severities and normalised facts.
 * @throws
 *   On an unknown rule id, a bad severity or a bad fact.
 */
export function normalizeRuleSettings(settings?: Readonly<RuleSettings> | null): {
  preset: PresetName
  severities: Readonly<Record<string, Severity | 'off'>>
  facts: ReadonlyArray<Fact>
  claimsToCheck: number
} {
  // The API runs every rule unless told otherwise, as a linter's API runs
  // what it is given; the CLI and the editor choose `recommended`.
  const preset = settings?.preset ?? 'strict'
  if (!isPresetName(preset)) {
    throw new Error(`Unexpected value \`${String(preset)}\` for \`preset\`, expected ${presetNames.map((name) => '`' + name + '`').join(' or ')}`)
  }

  const severities = settings?.severities ?? {}
  for (const [id, value] of Object.entries(severities)) {
    if (!ruleIds.includes(id)) {
      throw new Error(`Unexpected rule id \`${id}\` in \`severities\`, expected one of ${ruleIds.map((id) => '`' + id + '`').join(', ')}`)
    }

    if (!severityValues.includes(value)) {
      throw new Error(
        `Unexpected value \`${String(value)}\` for \`severities.${id}\`, expected \`off\`, \`info\`, \`warning\` or \`error\``
      )
    }
  }

  const claimsToCheck = settings?.claimsToCheck ?? defaultClaimsToCheck
  if (!Number.isInteger(claimsToCheck) || claimsToCheck < 0 || claimsToCheck > maxClaimsToCheck) {
    throw new Error(`Unexpected value \`${String(claimsToCheck)}\` for \`claimsToCheck\`, expected a whole number from 0 to ${maxClaimsToCheck}`)
  }

  const facts = settings?.facts ? normalizeFacts(settings.facts) : []
  return {preset, severities: {...presetSeverities(preset), ...severities}, facts, claimsToCheck}
}
