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
import type {Options, Publisher} from '../core/index.ts'
import {defaultClaimsToCheck, maxClaimsToCheck} from '../core/claims/to-check.ts'
import {defaultExclude} from '../core/project-docs.ts'
import {defaultPreset} from '../core/rules/presets.ts'
import {checkedLevels, type Level} from '../service/levels.ts'
import {checkedMaxFileSize, checkedTimeout, effectiveSetting} from './settings-policy.ts'

export type {Level} from '../service/levels.ts'

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
  /** Show the header line (sources, claims to check, findings) above the article (default: `true`). */
  readonly codeLens: boolean
  /** References also search the workspace's other Markdown files (default: `true`). */
  readonly referencesInWorkspace: boolean
  /** Milliseconds between the last keystroke and the next analysis (default: `300`). */
  readonly delay: number
  /** Largest document analysed, in characters (default: `2048 * 1024`). */
  readonly maxLength: number
  /** Globs of Markdown files that are no articles, never analysed (default: a project's README, CHANGELOG, …). */
  readonly exclude: readonly string[]
  /** Globs of the Markdown files that are articles (default: `**` : every one not excluded). */
  readonly include: readonly string[]
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
  /**
   * Where exports say things are published; each unset one falls back to
   * the article’s `.newsmarkrc` `export:` (default: none set).
   */
  readonly export: Readonly<ExportSettings>
}

/** `newsmark.export.*`: only what is set. */
export interface ExportSettings {
  /** URL the articles are published under. */
  readonly baseUrl?: string
  /** Pattern of a published fact check’s URL (`{id}`, `{article}`). */
  readonly reviewUrl?: string
  /** The organisation publishing the fact checks. */
  readonly publisher?: Publisher
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
  codeLens: true,
  referencesInWorkspace: true,
  delay: 300,
  maxLength: 2048 * 1024,
  exclude: defaultExclude,
  include: ['**'],
  timeout: 30,
  storage: 'sidecar',
  creator: '',
  export: {}
}

/**
 * A list of globs from a setting: its strings, or the default when it is
 * not a list.
 *
 * @param value
 *   Setting value.
 * @param fallback
 *   Default.
 * @returns
 *   Globs.
 */
function globs(value: unknown, fallback: readonly string[]): readonly string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '') : fallback
}

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
      preset: section.get<unknown>('diagnostics.preset') === 'strict' ? 'strict' : defaultPreset,
      claimsToCheck: Math.max(0, Math.min(maxClaimsToCheck, Math.round(number('claimsToCheck.count', defaultClaimsToCheck))))
    },
    hover: bool('hover.enable', defaults.hover),
    highlights: bool('highlights.enable', defaults.highlights),
    inlayHints: bool('inlayHints.enable', defaults.inlayHints),
    diagnostics: bool('diagnostics.enable', defaults.diagnostics),
    severity: checkedLevels(section.get<unknown>('diagnostics.severity')),
    outline: bool('outline.enable', defaults.outline),
    statusBar: bool('statusBar.enable', defaults.statusBar),
    codeLens: bool('codeLens.enable', defaults.codeLens),
    referencesInWorkspace: bool('references.includeWorkspace', defaults.referencesInWorkspace),
    // At most the schema's maximum.
    delay: Math.min(5000, number('analysis.delay', defaults.delay)),
    maxLength: checkedMaxFileSize(maxFileSize, defaults.maxLength / 1024) * 1024,
    exclude: globs(section.get<unknown>('files.exclude'), defaults.exclude),
    include: globs(section.get<unknown>('files.include'), defaults.include),
    timeout: checkedTimeout(timeout, defaults.timeout),
    storage: storage === 'inline' ? 'inline' : defaults.storage,
    creator: typeof creator === 'string' ? creator.trim() : defaults.creator,
    ...(trusted ? {} : {restricted: ignored}),
    export: exportSettings(section)
  }
}

/**
 * The `newsmark.export.*` settings that are set and valid.
 * @param section
 *   The `newsmark` configuration.
 * @returns
 *   Settings.
 */
function exportSettings(section: vscode.WorkspaceConfiguration): ExportSettings {
  const text = (key: string) => {
    const value = section.get<unknown>(key)
    return typeof value === 'string' ? value.trim() : ''
  }
  const url = (key: string) => {
    const value = text(key)
    return /^https?:\/\/[^\s/?#]+\S*$/i.test(value) ? value : ''
  }
  const baseUrl = url('export.baseUrl')
  const reviewUrl = text('export.reviewUrl')
  const name = text('export.publisher.name')
  const home = url('export.publisher.url')
  return {
    ...(baseUrl ? {baseUrl} : {}),
    ...(reviewUrl.includes('{id}') ? {reviewUrl} : {}),
    ...(name ? {publisher: {name, ...(home ? {url: home} : {})}} : {})
  }
}

/** Settings that change what the core finds (the others only change how it is shown). */
const analysisSettings = [
  'newsmark.enable',
  'newsmark.referenceDate',
  'newsmark.entities',
  'newsmark.dates',
  'newsmark.claims',
  // Which rules run, and how many claims to check: the core's options.
  'newsmark.diagnostics.preset',
  'newsmark.claimsToCheck',
  // Which files are articles.
  'newsmark.files',
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
    case 'info':
      return vscode.DiagnosticSeverity.Information
    case 'hint':
      return vscode.DiagnosticSeverity.Hint
    case 'off':
      return undefined
  }
}

/** What **Import Article** reads: its time limit and the editor's proxy. */
export interface ImportConfig {
  /** Seconds the download may take (default: `30`). */
  readonly timeout: number
  /** `http.proxy`, if set (else the environment's `HTTPS_PROXY`/`HTTP_PROXY` apply). */
  readonly proxy: string | undefined
  /** `http.noProxy`: hosts reached directly. */
  readonly noProxy: readonly string[]
}

/**
 * The import settings: `newsmark.import.timeout`, and VS Code's own
 * `http.proxy` and `http.noProxy`.
 * @returns
 *   Settings, checked (a bad timeout is the default, a large one capped at 600).
 */
export function getImportConfig(): ImportConfig {
  const timeout = vscode.workspace.getConfiguration('newsmark').get<unknown>('import.timeout')
  const http = vscode.workspace.getConfiguration('http')
  const proxy = http.get<unknown>('proxy')
  const noProxy = http.get<unknown>('noProxy')
  return {
    timeout: typeof timeout === 'number' && timeout > 0 ? Math.min(timeout, 600) : 30,
    proxy: typeof proxy === 'string' && proxy.trim() !== '' ? proxy.trim() : undefined,
    noProxy: Array.isArray(noProxy) ? noProxy.filter((item): item is string => typeof item === 'string') : []
  }
}
