/**
 * Where JSON text is broken: a small JSON scanner that finds the first
 * error and says what was expected there, for hand-edited sidecars
 * (`JSON.parse` does not always say where).
 */

/**
 * Describe the first syntax error in JSON text.
 *
 * @param text
 *   JSON text that `JSON.parse` rejected.
 * @returns
 *   `line L, column C: unexpected …, expected …`, or `undefined` when the
 *   scanner finds no error.
 */
export function jsonError(text: string): string | undefined {
  let index = 0
  const fail = (expected: string): never => {
    const before = text.slice(0, index)
    const line = before.split('\n').length
    const column = index - before.lastIndexOf('\n')
    const found = index >= text.length ? 'end of file' : JSON.stringify(text.charAt(index))
    throw new Error(`line ${line}, column ${column}: unexpected ${found}, expected ${expected}`)
  }

  const space = () => {
    while (/[ \t\r\n]/.test(text.charAt(index))) index++
  }

  const string = () => {
    index++
    while (index < text.length && text.charAt(index) !== '"') {
      const char = text.charAt(index)
      if (char < ' ') fail('`"` to close the string (no line breaks inside strings)')
      if (char === '\\') {
        index++
        if (text.charAt(index) === 'u') {
          if (!/^[\da-fA-F]{4}$/.test(text.slice(index + 1, index + 5))) fail('4 hex digits after `\\u`')
          index += 4
        } else if (index >= text.length || !'"\\/bfnrt'.includes(text.charAt(index))) {
          fail('an escape (`\\"`, `\\\\`, `\\n`, …)')
        }
      }

      index++
    }

    if (index >= text.length) fail('`"` to close the string')
    index++
  }

  const value = (): void => {
    space()
    const char = text.charAt(index)
    if (char === '{') {
      index++
      space()
      if (text.charAt(index) === '}') return void index++
      for (;;) {
        space()
        if (text.charAt(index) !== '"') fail('a property name in double quotes')
        string()
        space()
        if (text.charAt(index) !== ':') fail('`:` after the property name')
        index++
        value()
        space()
        if (text.charAt(index) === ',') {
          index++
          continue
        }

        if (text.charAt(index) !== '}') fail('`,` or `}`')
        return void index++
      }
    }

    if (char === '[') {
      index++
      space()
      if (text.charAt(index) === ']') return void index++
      for (;;) {
        value()
        space()
        if (text.charAt(index) === ',') {
          index++
          continue
        }

        if (text.charAt(index) !== ']') fail('`,` or `]`')
        return void index++
      }
    }

    if (char === '"') return string()
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(index))
    if (!literal) fail('a value (object, array, string, number, true, false or null)')
    index += literal![0].length
  }

  try {
    value()
    space()
    if (index < text.length) fail('the end of the file after the top-level value')
  } catch (error) {
    return (error as Error).message
  }

  return undefined
}
