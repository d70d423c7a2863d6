/**
 * File names and other outside text as the CLI prints them: a name may hold
 * a line break (which would forge a line of output) or an escape sequence
 * (ESC, BEL: a terminal would act on it). Such characters are shown as
 * escapes instead.
 */

/**
 * Text with every control character (C0, DEL, C1), line or paragraph
 * separator and bidirectional control written as an escape: `\n`, `\r`,
 * `\t`, `\\` before one, else `\xHH` or `\uHHHH`.
 *
 * @param text
 *   Text from outside (a file name, a path).
 * @returns
 *   Text safe to print on one line of a terminal.
 * @example
 *   printable('a\nb\u001B[31m.md') // 'a\\nb\\x1b[31m.md'
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g, (char) => {
    if (char === '\n') return '\\n'
    if (char === '\r') return '\\r'
    if (char === '\t') return '\\t'
    const code = char.charCodeAt(0)
    return code < 0x100 ? '\\x' + code.toString(16).padStart(2, '0') : '\\u' + code.toString(16).padStart(4, '0')
  })
}
