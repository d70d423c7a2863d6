/**
 * Offsets: UTF-16 code units (JavaScript strings, Newsmark, VS Code) and
 * Unicode code points (the W3C TextPositionSelector), and the selectors of a
 * span.
 *
 * The two differ after every astral character (emoji, some CJK): it is one
 * code point and two code units.
 */
import type {Target} from './types.ts'

/** Characters of context kept before and after a quote (default: `32`). */
export const contextLength = 32

/**
 * Turn a UTF-16 offset into a code point offset.
 *
 * @param source
 *   Text.
 * @param offset
 *   UTF-16 offset (`0 <= offset <= source.length`); an offset inside a
 *   surrogate pair counts the pair as passed.
 * @returns
 *   Code point offset.
 */
export function toCodePoint(source: string, offset: number): number {
  let points = 0
  for (let index = 0; index < offset && index < source.length; index++) {
    if (!isLowSurrogateAfterHigh(source, index)) points++
  }

  return points
}

/**
 * Turn a code point offset into a UTF-16 offset.
 *
 * @param source
 *   Text.
 * @param points
 *   Code point offset.
 * @returns
 *   UTF-16 offset, or `-1` when `points` is past the end of `source`.
 */
export function fromCodePoint(source: string, points: number): number {
  let index = 0
  let seen = 0
  while (seen < points) {
    if (index >= source.length) return -1
    const code = source.charCodeAt(index)
    index += code >= 0xd800 && code <= 0xdbff && isLow(source.charCodeAt(index + 1)) ? 2 : 1
    seen++
  }

  return index
}

/**
 * Make a fast UTF-16 to code point converter for one text (for exporters,
 * which convert many offsets).
 *
 * @param source
 *   Text.
 * @returns
 *   Function from a UTF-16 offset to a code point offset.
 */
export function codePointIndex(source: string): (offset: number) => number {
  if (!/[\uD800-\uDFFF]/.test(source)) return (offset) => offset
  const points = new Uint32Array(source.length + 1)
  for (let index = 0; index < source.length; index++) {
    points[index + 1] = points[index]! + (isLowSurrogateAfterHigh(source, index) ? 0 : 1)
  }

  return (offset) => points[Math.max(0, Math.min(offset, source.length))]!
}

/**
 * Move an offset out of the middle of a surrogate pair.
 *
 * @param source
 *   Text.
 * @param offset
 *   UTF-16 offset.
 * @param direction
 *   `-1` to move to the start of the pair, `1` to its end.
 * @returns
 *   Offset on a code point boundary.
 */
export function snapOffset(source: string, offset: number, direction: -1 | 1): number {
  return offset > 0 && offset < source.length && isLowSurrogateAfterHigh(source, offset)
    ? offset + (direction < 0 ? -1 : 1)
    : offset
}

/**
 * The target of a span: the quote, its context and its position.
 *
 * @param source
 *   Markdown source.
 * @param start
 *   Start offset (UTF-16).
 * @param end
 *   End offset (UTF-16).
 * @returns
 *   Target.
 */
export function targetOf(source: string, start: number, end: number): Target {
  const prefixStart = snapOffset(source, Math.max(0, start - contextLength), 1)
  const suffixEnd = snapOffset(source, Math.min(source.length, end + contextLength), -1)
  return {
    start,
    end,
    exact: source.slice(start, end),
    prefix: source.slice(prefixStart, start),
    suffix: source.slice(end, suffixEnd)
  }
}

/**
 * Make a function from offsets to 1-based line numbers.
 *
 * @param source
 *   Text.
 * @returns
 *   Function from a UTF-16 offset to its line.
 */
export function lineIndex(source: string): (offset: number) => number {
  const starts = [0]
  for (let index = source.indexOf('\n'); index !== -1; index = source.indexOf('\n', index + 1)) {
    starts.push(index + 1)
  }

  return (offset) => {
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (starts[middle]! <= offset) low = middle
      else high = middle - 1
    }

    return low + 1
  }
}

function isLowSurrogateAfterHigh(source: string, index: number): boolean {
  const previous = source.charCodeAt(index - 1)
  return index > 0 && isLow(source.charCodeAt(index)) && previous >= 0xd800 && previous <= 0xdbff
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}
