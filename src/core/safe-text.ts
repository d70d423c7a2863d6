/**
 * Text from a file, as an error message may show it: never a line of the
 * file. A configuration or a fact base may be a file the user never meant
 * Newsmark to read (a `facts:` path a repository chose), and its error
 * messages end up in the Problems panel and in CI logs, so they name keys
 * only when they look like keys, shorten values, and keep the parser's own
 * reason only up to where it would quote the source.
 */

/** Longest value shown in a message, in characters. */
const maxShown = 40

/**
 * A key as a message may quote it.
 *
 * @param key
 *   Key from the file.
 * @returns
 *   The key in backticks, or `undefined` when it does not look like a key
 *   (a whole line of some other file, such as `root:$6$…:19000:0:::`).
 * @example
 *   quoteKey('severity') // '`severity`'
 */
export function quoteKey(key: string): string | undefined {
  return /^[\w$.-]{1,40}$/.test(key) ? '`' + key + '`' : undefined
}

/**
 * A value as a message may show it: one line, at most 40 characters.
 *
 * @param value
 *   Any value from the file.
 * @returns
 *   Text (no backticks).
 */
export function showValue(value: unknown): string {
  const text = typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)
  const line = text.split(/\r?\n|\r/)[0]!
  return line.length > maxShown || line !== text ? line.slice(0, maxShown) + '…' : line
}

/**
 * The reason a YAML parser gives, without what it quotes of the source
 * (`Unresolved tag: !x`, `Block scalar header includes extra characters: …`).
 *
 * @param message
 *   The parser's message.
 * @returns
 *   Its first line, up to a colon, at most 80 characters.
 */
export function yamlReason(message: string): string {
  const line = message.split('\n')[0]!
  const reason = line.split(':')[0]!.trim()
  return reason.length > 80 ? reason.slice(0, 80) + '…' : reason
}
