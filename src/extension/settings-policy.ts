/**
 * Which settings a workspace may set, and how far: plain decisions (no
 * `vscode`), so that they are tested in plain Node; `config.ts` applies
 * them to what VS Code reports.
 *
 * A repository opened in VS Code brings its `.vscode/settings.json` and its
 * `.newsmarkrc`. In a workspace the user has not trusted (Restricted Mode,
 * `workspace.isTrusted` false), Newsmark ignores the workspace's (and
 * workspace folder's) values of the settings in `restrictedSettings`, and
 * reads no fact base: a repository could otherwise let one analysis run for
 * days, make the editor read huge files, put any name on the reader's
 * annotations and exported ClaimReviews, or have Newsmark read files it
 * chooses. The user's own settings still apply. In any workspace, the
 * numbers are capped (`maxTimeout`, `maxFileSizeKiB`).
 */

/** Settings a workspace that is not trusted may not set (under `newsmark.`). */
export const restrictedSettings: ReadonlyArray<string> = ['analysis.timeout', 'analysis.maxFileSize', 'annotations.creator']

/** Longest `newsmark.analysis.timeout`, in seconds: 10 minutes. */
export const maxTimeout = 600

/**
 * Largest `newsmark.analysis.maxFileSize`, in KiB: 50 MiB, the largest
 * document VS Code gives an extension anyway.
 */
export const maxFileSizeKiB = 50 * 1024

/** What VS Code's `WorkspaceConfiguration.inspect` reports of a setting (the parts read here). */
export interface Inspected {
  readonly defaultValue?: unknown
  readonly globalValue?: unknown
  readonly workspaceValue?: unknown
  readonly workspaceFolderValue?: unknown
  readonly defaultLanguageValue?: unknown
  readonly globalLanguageValue?: unknown
  readonly workspaceLanguageValue?: unknown
  readonly workspaceFolderLanguageValue?: unknown
}

/** The value of a setting to use, and whether a workspace value was ignored. */
export interface Effective {
  /** The value (`undefined`: none set, use the default). */
  readonly value: unknown
  /** Whether the workspace set it and that was ignored. */
  readonly ignored: boolean
}

/**
 * The value of a restricted setting: in a trusted workspace, the value VS
 * Code resolved; otherwise the user's (or the default), never the
 * workspace's.
 *
 * @param inspected
 *   What `inspect` reports (`undefined` for an unknown setting).
 * @param resolved
 *   The value VS Code resolved (`get`).
 * @param trusted
 *   Whether the workspace is trusted.
 * @returns
 *   The value and whether a workspace value was ignored.
 * @example
 *   effectiveSetting({defaultValue: 30, workspaceValue: 2147483}, 2147483, false)
 *   // {value: 30, ignored: true}
 */
export function effectiveSetting(inspected: Inspected | undefined, resolved: unknown, trusted: boolean): Effective {
  if (trusted || !inspected) return {value: resolved, ignored: false}
  const fromWorkspace = [
    inspected.workspaceFolderLanguageValue,
    inspected.workspaceLanguageValue,
    inspected.workspaceFolderValue,
    inspected.workspaceValue
  ].some((value) => value !== undefined)
  const value = inspected.globalLanguageValue ?? inspected.globalValue ?? inspected.defaultLanguageValue ?? inspected.defaultValue
  return {value, ignored: fromWorkspace}
}

/**
 * `newsmark.analysis.timeout` checked: a number of seconds from 1 to
 * `maxTimeout` (a larger one is capped; anything else is the default).
 *
 * @param value
 *   The setting's value.
 * @param fallback
 *   The default.
 * @returns
 *   Seconds.
 */
export function checkedTimeout(value: unknown, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return fallback
  // Not 0 (no analysis could end), nor more than ten minutes.
  return Math.min(maxTimeout, Math.max(1, value))
}

/**
 * `newsmark.analysis.maxFileSize` checked: KiB from 1 to `maxFileSizeKiB`
 * (a larger one is capped; anything else is the default).
 *
 * @param value
 *   The setting's value.
 * @param fallback
 *   The default.
 * @returns
 *   KiB.
 */
export function checkedMaxFileSize(value: unknown, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return fallback
  return Math.min(maxFileSizeKiB, Math.max(1, value))
}

/**
 * What Restricted Mode changes, for the status bar's tooltip and the log.
 *
 * @param ignored
 *   Restricted settings whose workspace value was ignored (under `newsmark.`).
 * @returns
 *   One sentence, or `undefined` in a trusted workspace (`ignored` is then
 *   empty: pass `undefined` for trusted).
 */
export function restrictedNote(ignored: ReadonlyArray<string> | undefined): string | undefined {
  if (ignored === undefined) return undefined
  const settings = ignored.map((key) => '`newsmark.' + key + '`')
  const list = settings.length > 1 ? `${settings.slice(0, -1).join(', ')} and ${settings.at(-1)}` : settings[0]
  return (
    'Restricted Mode: the fact base (`facts:` of `.newsmarkrc`, `.newsmark/facts.yaml`) is not read' +
    (list ? `, and the workspace's ${list} ${settings.length > 1 ? 'are' : 'is'} ignored` : '') +
    '. Trust the workspace to use them.'
  )
}
