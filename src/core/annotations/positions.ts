/**
 * Offsets: UTF-16 code units (JavaScript strings, Newsmark, VS Code) and
 * Unicode code points (the W3C TextPositionSelector), and the selectors of a
 * span.
 *
 * The two differ after every astral character (emoji, some CJK): it is one
 * code point and two code units.
 */
import type {Target} from './types.ts'
import {firstIndex} from '../sorted.ts'

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
  return codePoints(source).toCodePoint(offset)
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
  return codePoints(source).fromCodePoint(points)
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
  const index = codePoints(source)
  return (offset) => index.toCodePoint(offset)
}

/** Offset conversions of one text, both ways (`codePoints`). */
export interface CodePoints {
  toCodePoint(offset: number): number
  fromCodePoint(points: number): number
}

/**
 * The offset conversions of a text: where its astral characters are, found
 * once, then a binary search per conversion. Build it once for the many
 * offsets of one text (a sidecar's load or save converts every offset of one
 * article: 1,000 annotations on a 1 MB article took seconds when each
 * conversion scanned the text).
 *
 * @param source
 *   Text.
 * @returns
 *   Conversions.
 */
export function codePoints(source: string): CodePoints {
  // UTF-16 offsets of the low halves of surrogate pairs, in order.
  const lows: number[] = []
  for (let index = source.search(/[\uDC00-\uDFFF]/); index !== -1 && index < source.length; index++) {
    if (isLowSurrogateAfterHigh(source, index)) lows.push(index)
  }

  const length = source.length
  const points = length - lows.length
  return {
    toCodePoint(offset) {
      const at = Math.max(0, Math.min(offset, length))
      // Each low half before the offset is no code point of its own.
      return at - countBelow(lows, at)
    },
    fromCodePoint(wanted) {
      if (wanted > points) return -1
      if (wanted <= 0) return 0
      // The pair `k` (in order) has its high half at code point
      // `lows[k] - 1 - k`: each pair before it adds a code unit.
      return wanted + firstIndex(lows.length, (index) => lows[index]! - 1 - index >= wanted)
    }
  }
}

/**
 * How many numbers of a sorted list are below a value.
 *
 * @param sorted
 *   Numbers in order.
 * @param value
 *   Value.
 * @returns
 *   Count.
 */
function countBelow(sorted: ReadonlyArray<number>, value: number): number {
  return firstIndex(sorted.length, (index) => sorted[index]! >= value)
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
