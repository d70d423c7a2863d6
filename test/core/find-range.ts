import assert from 'node:assert/strict'

/**
 * The range of the `nth` occurrence (0-based) of `text` in `value`; fails
 * the test when there is none.
 *
 * @param value
 *   Text to search.
 * @param text
 *   Text to find.
 * @param nth
 *   Which occurrence.
 * @returns
 *   UTF-16 range.
 */
export function findRange(value: string, text: string, nth = 0): {start: number; end: number} {
  let start = -1
  for (let index = 0; index <= nth; index++) start = value.indexOf(text, start + 1)
  assert.ok(start >= 0, `“${text}” is in the text`)
  return {start, end: start + text.length}
}
