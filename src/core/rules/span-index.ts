/**
 * Spans (entity mentions, dates) indexed for containment and overlap
 * queries in logarithmic time, where a rule would otherwise scan every span
 * for every token: sorted by start, with the largest end so far.
 */
export class SpanIndex {
  readonly #starts: Float64Array
  readonly #ends: Float64Array
  /** Largest end of the spans up to each index. */
  readonly #maxEnds: Float64Array

  /**
   * @param spans
   *   Spans, in any order.
   */
  constructor(spans: ReadonlyArray<{start: number; end: number}>) {
    const sorted = [...spans].sort((a, b) => a.start - b.start)
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
    let low = 0
    let high = this.#starts.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.#starts[middle] <= at) low = middle + 1
      else high = middle
    }

    return low
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
    // First span starting at or after `start`.
    let low = 0
    let high = this.#starts.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.#starts[middle] < start) low = middle + 1
      else high = middle
    }

    for (let index = low; index < this.#starts.length && this.#starts[index] <= end; index++) {
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
    let low = 0
    let high = this.#starts.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.#starts[middle] < end) low = middle + 1
      else high = middle
    }

    return low > 0 && this.#maxEnds[low - 1] > start
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
    let low = 0
    let high = ends.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (ends[middle] < end) low = middle + 1
      else high = middle
    }

    return low < ends.length && ends[low] === end
  }

  #sortedEnds: Float64Array | undefined
}
