/**
 * Where two versions of a text differ: the lengths of their common start
 * and end, compared a chunk at a time (natively), then a character at a
 * time.
 */

// Characters compared at once.
const chunk = 4096

/** What two versions of a text share. */
export interface Unchanged {
  /** Length of their common start. */
  prefix: number
  /** Length of their common end, not overlapping the start. */
  suffix: number
}

/**
 * The common start and end of two versions of a text: the change is
 * `[prefix, old.length - suffix)` in the old one and
 * `[prefix, value.length - suffix)` in the new one.
 *
 * @param old
 *   Previous version.
 * @param value
 *   New version.
 * @returns
 *   Lengths of the common start and end.
 */
export function unchanged(old: string, value: string): Unchanged {
  const limit = Math.min(old.length, value.length)
  let prefix = 0
  while (prefix + chunk <= limit && value.startsWith(old.slice(prefix, prefix + chunk), prefix)) prefix += chunk
  while (prefix < limit && old.charCodeAt(prefix) === value.charCodeAt(prefix)) prefix++
  let suffix = 0
  while (
    suffix + chunk <= limit - prefix &&
    value.endsWith(old.slice(old.length - suffix - chunk, old.length - suffix), value.length - suffix)
  ) {
    suffix += chunk
  }

  while (suffix < limit - prefix && old.charCodeAt(old.length - 1 - suffix) === value.charCodeAt(value.length - 1 - suffix)) {
    suffix++
  }

  return {prefix, suffix}
}
