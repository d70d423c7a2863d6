/**
 * The levels of `newsmark.diagnostics.severity`, read without `vscode` (so
 * that they are tested in plain Node); `config.ts` maps them to VS Code's
 * severities.
 *
 * The command line, `.newsmarkrc` and the JSON output say `info`; VS Code
 * says `information`. The setting documents `info` and takes both.
 */

/** What a rule's findings are shown as. */
export type Level = 'error' | 'warning' | 'info' | 'hint' | 'off'

/** The levels the setting documents, in its schema's order. */
export const levels: ReadonlyArray<Level> = ['error', 'warning', 'info', 'hint', 'off']

/** Other names taken for a level. */
const synonyms: Readonly<Record<string, Level>> = {information: 'info'}

/**
 * Keep the valid entries of the severity map.
 * @param value
 *   The raw setting (a hand-edited `settings.json` is not held to the schema).
 * @returns
 *   Rule id to level; `information` as `info`, unknown levels left out.
 */
export function checkedLevels(value: unknown): Record<string, Level> {
  const result: Record<string, Level> = {}
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, level] of Object.entries(value)) {
      if (typeof level !== 'string') continue
      const known = (levels as ReadonlyArray<string>).includes(level) ? (level as Level) : synonyms[level]
      if (known) result[key] = known
    }
  }
  return result
}
