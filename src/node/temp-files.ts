/**
 * Names of the temporary files of atomic writes, and which of them are
 * left over: a write killed between creating its temporary file and
 * renaming it (`kill -9`, a crash, a power cut) leaves one behind, as big as
 * the file, and nothing else would ever remove it.
 *
 * A temporary file is `.<name>.tmp-<pid>-<random>` next to `<name>`, both
 * for the Node writer (`atomic-write.ts`) and the extension's
 * (`src/extension/files.ts`). One is left over when the process that made
 * it no longer runs and it is older than a minute (a write takes
 * milliseconds). Names of older versions of the extension,
 * `.<name>.tmp-<base-36 time>-<random>`, carry no pid: they are left over
 * after ten minutes.
 *
 * Pure: the caller lists the folder and removes the files.
 */

/** Age (ms) past which a temporary file of a process that has ended is left over. */
export const staleTempAge = 60_000

/** Age (ms) past which a temporary file with no pid in its name is left over. */
export const staleAnonymousTempAge = 600_000

/** A file in a folder, as listed. */
export interface TempEntry {
  /** File name (no folder). */
  name: string
  /** Last modification time (ms since the epoch). */
  mtimeMs: number
}

/**
 * Name of a temporary file for writing `name`.
 *
 * @param name
 *   Name of the file written (no folder).
 * @param pid
 *   Process id of the writer.
 * @param random
 *   A random part (letters and digits).
 * @returns
 *   `.<name>.tmp-<pid>-<random>`.
 */
export function tempName(name: string, pid: number, random: string): string {
  return `.${name}.tmp-${pid}-${random}`
}

/**
 * The temporary files of `name` that are left over.
 *
 * @param name
 *   Name of the file written (no folder).
 * @param entries
 *   The files of its folder.
 * @param now
 *   The time (ms since the epoch).
 * @param alive
 *   Whether a process runs (the writer of a temporary file).
 * @returns
 *   Names of the left-over temporary files of `name` only.
 */
export function staleTemps(
  name: string,
  entries: ReadonlyArray<Readonly<TempEntry>>,
  now: number,
  alive: (pid: number) => boolean
): string[] {
  const prefix = `.${name}.tmp-`
  const stale: string[] = []
  for (const entry of entries) {
    if (!entry.name.startsWith(prefix)) continue
    const match = /^([\da-z]+)-([\da-z]+)$/.exec(entry.name.slice(prefix.length))
    if (!match) continue
    const age = now - entry.mtimeMs
    const pid = /^\d+$/.test(match[1]!) ? Number(match[1]) : undefined
    if (pid === undefined ? age > staleAnonymousTempAge : age > staleTempAge && !alive(pid)) stale.push(entry.name)
  }

  return stale
}
