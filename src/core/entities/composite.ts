/**
 * Look-ups of the model's composite features (`w-1w=<previous>|<word>`,
 * `s-1s+1=<shape>|<shape>|<shape>`, …) by their parts, so that scoring a
 * word builds no feature string: building one and hashing it cost more
 * than the rest of a word's static scoring.
 *
 * The index holds the features of the model whose value has exactly as
 * many `|` as it has separators. A part that holds a `|` itself would make
 * that split ambiguous, so such parts are looked up by the whole string.
 */

/** Entries of the features `prefix + parts.join('|')`, by their parts. */
export class CompositeEntries {
  readonly #prefix: string
  readonly #entries: ReadonlyMap<string, number>
  /** Nested maps, one level per part, the last holding entries. */
  readonly #root = new Map<string, unknown>()

  /**
   * @param prefix
   *   Feature prefix (`w-1w=`).
   * @param parts
   *   Number of parts.
   * @param entries
   *   Entries of all features, by name.
   */
  constructor(prefix: string, parts: number, entries: ReadonlyMap<string, number>) {
    this.#prefix = prefix
    this.#entries = entries
    for (const [feature, entry] of entries) {
      if (!feature.startsWith(prefix)) continue
      const values = feature.slice(prefix.length).split('|')
      if (values.length !== parts) continue
      let level = this.#root
      for (const value of values.slice(0, -1)) {
        let next = level.get(value) as Map<string, unknown> | undefined
        if (!next) level.set(value, (next = new Map()))
        level = next
      }

      level.set(values[values.length - 1], entry)
    }
  }

  /**
   * Entry of a feature of one part.
   *
   * @param a
   *   Part.
   * @returns
   *   Entry (`-1`: not in the model).
   */
  get1(a: string): number {
    if (a.includes('|')) return this.#whole(a)
    return (this.#root.get(a) as number | undefined) ?? -1
  }

  /**
   * Entry of a feature of two parts.
   *
   * @param a
   *   First part.
   * @param b
   *   Second part.
   * @returns
   *   Entry (`-1`: not in the model).
   */
  get2(a: string, b: string): number {
    if (a.includes('|') || b.includes('|')) return this.#whole(a + '|' + b)
    const level = this.#root.get(a) as Map<string, number> | undefined
    return level?.get(b) ?? -1
  }

  /**
   * Entry of a feature of three parts.
   *
   * @param a
   *   First part.
   * @param b
   *   Second part.
   * @param c
   *   Third part.
   * @returns
   *   Entry (`-1`: not in the model).
   */
  get3(a: string, b: string, c: string): number {
    if (a.includes('|') || b.includes('|') || c.includes('|')) return this.#whole(a + '|' + b + '|' + c)
    const level = this.#root.get(a) as Map<string, Map<string, number>> | undefined
    return level?.get(b)?.get(c) ?? -1
  }

  /**
   * Entry of a feature by its whole value.
   *
   * @param value
   *   Value (after the prefix).
   * @returns
   *   Entry (`-1`: not in the model).
   */
  #whole(value: string): number {
    return this.#entries.get(this.#prefix + value) ?? -1
  }
}
