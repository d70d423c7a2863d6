/**
 * Settings: the only reader of `newsmark.*`.
 *
 * Values are checked here because a hand-edited `settings.json` is not held to
 * the schema in `package.json`; a bad value falls back to its default, and a
 * number past its maximum is capped. In a workspace that is not trusted, the
 * workspace's values of the restricted settings are ignored
 * (`settings-policy.ts`).
 */
import * as vscode from 'vscode'
import type {Options} from '../core/index.ts'
import {defaultPreset} from '../core/rules/presets.ts'
import {checkedMaxFileSize, checkedTimeout, effectiveSetting} from './settings-policy.ts'

/** What a rule's findings are shown as. */
export type Level = 'error' | 'warning' | 'information' | 'hint' | 'off'

/** Newsmark settings for one document. */
export interface Config {
  /** Analyse Markdown documents at all (default: `true`). */
  readonly enabled: boolean
  /** Options for the core: reference date (front matter `date:` wins) and taggers on or off. */
  readonly core: Readonly<Options>
  /** Show hovers (default: `true`). */
  readonly hover: boolean
  /** Highlight tags in the editor and the Markdown preview (default: `true`). */
  readonly highlights: boolean
  /** Show the values of relative dates as inlay hints (default: `true`). */
  readonly inlayHints: boolean
  /** Show findings as diagnostics (default: `true`). */
  readonly diagnostics: boolean
  /** Severity per rule id, overriding the core's (default: `{}`). */
  readonly severity: Readonly<Record<string, Level>>
  /** Feed the Outline view and breadcrumbs (default: `true`). */
  readonly outline: boolean
  /** Show the status bar item (default: `true`). */
  readonly statusBar: boolean
  /** References also search the workspace's other Markdown files (default: `true`). */
  readonly referencesInWorkspace: boolean
  /** Milliseconds between the last keystroke and the next analysis (default: `300`). */
  readonly delay: number
  /** Largest document analysed, in characters (default: `2048 * 1024`). */
  readonly maxLength: number
  /** Seconds an analysis may run before it is stopped (default: `30`). */
  readonly timeout: number
  /** Where new annotations go: a sidecar file or directives in the article (default: `sidecar`). */
  readonly storage: 'sidecar' | 'inline'
  /** Name recorded as the creator of new annotations (default: none). */
  readonly creator: string
  /**
   * In a workspace that is not trusted, the restricted settings whose
   * workspace value was ignored (under `newsmark.`, maybe none); `undefined`
   * in a trusted workspace.
   */
  readonly restricted?: readonly string[]
}

/** Defaults, as declared in `package.json`. */
export const defaults: Config = {
  enabled: true,
  core: {entities: true, dates: true, claims: true, preset: defaultPreset},
  hover: true,
  highlights: true,
  inlayHints: true,
  diagnostics: true,
  severity: {},
  outline: true,
  statusBar: true,
  referencesInWorkspace: true,
  delay: 300,
  maxLength: 2048 * 1024,
  timeout: 30,
  storage: 'sidecar',
  creator: ''
}

const levels = new Set<string>(['error', 'warning', 'information', 'hint', 'off'])

/**
 * Read the settings that apply to a document.
 * @param scope
 *   The document (or its URI); settings may differ per folder.
 * @returns
 *   Checked settings.
 */
export function getConfig(scope?: vscode.ConfigurationScope): Config {
  const section = vscode.workspace.getConfiguration('newsmark', scope)
  const bool = (key: string, fallback: boolean) => {
    const value = section.get<unknown>(key)
    return typeof value === 'boolean' ? value : fallback
  }
  const number = (key: string, fallback: number) => {
    const value = section.get<unknown>(key)
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback
  }
  const date = section.get<unknown>('referenceDate')
  const storage = section.get<unknown>('annotations.storage')
  // Restricted settings: not the workspace's value, unless it is trusted.
  const trusted = vscode.workspace.isTrusted
  const ignored: string[] = []
  const restricted = (key: string) => {
    const {value, ignored: wasIgnored} = effectiveSetting(section.inspect(key), section.get<unknown>(key), trusted)
    if (wasIgnored) ignored.push(key)
    return value
  }
  const timeout = restricted('analysis.timeout')
  const maxFileSize = restricted('analysis.maxFileSize')
  const creator = restricted('annotations.creator')
  return {
    enabled: bool('enable', defaults.enabled),
    core: {
      ...(typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? {referenceDate: date} : {}),
      entities: bool('entities.enable', true),
      dates: bool('dates.enable', true),
      claims: bool('claims.enable', true),
      preset: section.get<unknown>('diagnostics.preset') === 'strict' ? 'strict' : defaultPreset
    },
    hover: bool('hover.enable', defaults.hover),
    highlights: bool('highlights.enable', defaults.highlights),
    inlayHints: bool('inlayHints.enable', defaults.inlayHints),
    diagnostics: bool('diagnostics.enable', defaults.diagnostics),
    severity: severities(section.get<unknown>('diagnostics.severity')),
    outline: bool('outline.enable', defaults.outline),
    statusBar: bool('statusBar.enable', defaults.statusBar),
    referencesInWorkspace: bool('references.includeWorkspace', defaults.referencesInWorkspace),
    // At most the schema's maximum.
    delay: Math.min(5000, number('analysis.delay', defaults.delay)),
    maxLength: checkedMaxFileSize(maxFileSize, defaults.maxLength / 1024) * 1024,
    timeout: checkedTimeout(timeout, defaults.timeout),
    storage: storage === 'inline' ? 'inline' : defaults.storage,
    creator: typeof creator === 'string' ? creator.trim() : defaults.creator,
    ...(trusted ? {} : {restricted: ignored})
  }
}

/** Settings that change what the core finds (the others only change how it is shown). */
const analysisSettings = [
  'newsmark.enable',
  'newsmark.referenceDate',
  'newsmark.entities',
  'newsmark.dates',
  'newsmark.claims',
  'newsmark.analysis.maxFileSize',
  // (A document stopped before may be analysed now.)
  'newsmark.analysis.timeout'
]

/**
 * Whether a configuration change calls for analysing again.
 * @param event
 *   The change.
 * @returns
 *   `true` when a setting that the core reads changed.
 */
export function affectsAnalysis(event: vscode.ConfigurationChangeEvent): boolean {
  return analysisSettings.some((section) => event.affectsConfiguration(section))
}

/**
 * Map a level to a VS Code severity.
 * @param level
 *   The level from the settings.
 * @returns
 *   The severity, or `undefined` for `off`.
 */
export function toSeverity(level: Level): vscode.DiagnosticSeverity | undefined {
  switch (level) {
    case 'error':
      return vscode.DiagnosticSeverity.Error
    case 'warning':
      return vscode.DiagnosticSeverity.Warning
    case 'information':
      return vscode.DiagnosticSeverity.Information
    case 'hint':
      return vscode.DiagnosticSeverity.Hint
    case 'off':
      return undefined
  }
}

/**
 * Keep the valid entries of the severity map.
 * @param value
 *   Raw setting.
 * @returns
 *   Rule id to level.
 */
function severities(value: unknown): Record<string, Level> {
  const result: Record<string, Level> = {}
  if (value && typeof value === 'object') {
    for (const [key, level] of Object.entries(value)) {
      if (typeof level === 'string' && levels.has(level)) result[key] = level as Level
    }
  }
  return result
}
