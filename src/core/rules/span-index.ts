/**
 * Spans (entity mentions, dates, quotes) indexed for containment and
 * overlap queries in logarithmic time, where a rule would otherwise scan
 * every span for every token: sorted by start, with the largest end so far.
 */
import {firstIndex} from '../sorted.ts'

/** A span of the source. */
interface Span {
  readonly start: number
  readonly end: number
}

export class SpanIndex<T extends Span = Span> {
  /** The spans, by start (a stable sort: equal starts keep their order). */
  readonly #sorted: ReadonlyArray<T>
  readonly #starts: Float64Array
  readonly #ends: Float64Array
  /** Largest end of the spans up to each index. */
  readonly #maxEnds: Float64Array

  /**
   * @param spans
   *   Spans, in any order.
   */
  constructor(spans: ReadonlyArray<T>) {
    const sorted = [...spans].sort((a, b) => a.start - b.start)
    this.#sorted = sorted
    this.#starts = new Float64Array(sorted.length)
    this.#ends = new Float64Array(sorted.length)
    this.#maxEnds = new Float64Array(sorted.length)
    let max = -Infinity
    for (let index = 0; index < sorted.length; index++) {
      const span = sorted[index]
      this.#starts[index] = span.start
      this.#ends[index] = span.end
      max = Math.max(max, span.end)
      this.#maxEnds[index] = max
    }
  }

  /** Index of the first span whose start is greater than `at` (all below start at or before it). */
  #after(at: number): number {
    const starts = this.#starts
    return firstIndex(starts.length, (index) => starts[index] > at)
  }

  /**
   * Whether a span covers `[start, end)`: `span.start <= start && end <= span.end`.
   *
   * @param start
   *   Start.
   * @param end
   *   End.
   * @returns
   *   Whether one does.
   */
  covers(start: number, end: number): boolean {
    const last = this.#after(start) - 1
    return last >= 0 && this.#maxEnds[last] >= end
  }

  /**
   * The span that covers `[start, end)` and starts first, if any.
   *
   * @param start
   *   Start.
   * @param end
   *   End.
   * @returns
   *   Span.
   */
  covering(start: number, end: number): T | undefined {
    let found: T | undefined
    // Back from the last span that starts at or before `start`, as long as
    // one before may still reach `end`.
    for (let index = this.#after(start) - 1; index >= 0 && this.#maxEnds[index] >= end; index--) {
      if (this.#ends[index] >= end) found = this.#sorted[index]
    }

    return found
  }

  /**
   * Whether a span lies inside `[start, end]`: `start <= span.start && span.end <= end`.
   *
   * @param start
   *   Start.
   * @param end
   *   End.
   * @returns
   *   Whether one does.
   */
  within(start: number, end: number): boolean {
    const starts = this.#starts
    // First span starting at or after `start`.
    for (let index = firstIndex(starts.length, (at) => starts[at] >= start); index < starts.length && starts[index] <= end; index++) {
      if (this.#ends[index] <= end) return true
    }

    return false
  }

  /**
   * Whether a span overlaps `[start, end)`: `span.start < end && start < span.end`.
   *
   * @param start
   *   Start.
   * @param end
   *   End.
   * @returns
   *   Whether one does.
   */
  overlaps(start: number, end: number): boolean {
    // Spans starting before `end`: indexes below the first start >= end.
    const before = this.#startingBefore(end)
    return before > 0 && this.#maxEnds[before - 1] > start
  }

  /**
   * The spans that overlap `[start, end)`, by start.
   *
   * @param start
   *   Start.
   * @param end
   *   End.
   * @returns
   *   Spans.
   */
  overlapping(start: number, end: number): T[] {
    const found: T[] = []
    // Back from the last span that starts before `end`, as long as one
    // before may still reach past `start`.
    for (let index = this.#startingBefore(end) - 1; index >= 0 && this.#maxEnds[index] > start; index--) {
      if (this.#ends[index] > start) found.push(this.#sorted[index])
    }

    return found.reverse()
  }

  /** How many spans start before `end`. */
  #startingBefore(end: number): number {
    const starts = this.#starts
    return firstIndex(starts.length, (index) => starts[index] >= end)
  }

  /**
   * Whether a span ends exactly at `end`.
   *
   * @param end
   *   End.
   * @returns
   *   Whether one does.
   */
  endsAt(end: number): boolean {
    // Ends in order (a numeric sort of a copy), searched.
    const ends = (this.#sortedEnds ??= Float64Array.from(this.#ends).sort())
    const at = firstIndex(ends.length, (index) => ends[index] >= end)
    return at < ends.length && ends[at] === end
  }

  #sortedEnds: Float64Array | undefined
}
