/**
 * Look-ups of the model's composite features (`w-1w=<previous>|<word>`,
 * `s-1s+1=<shape>|<shape>|<shape>`, …) by their parts, so that scoring a
 * word builds no feature string: building one and hashing it cost more
 * than the rest of a word's static scoring.
 *
 * A part may hold a `|` itself, so a feature value such as `a|b|c` of two
 * parts is indexed under each of its splits (`a` and `b|c`, `a|b` and
 * `c`): a look-up by parts finds exactly the features whose value is the
 * parts joined by `|`.
 */

/** Entries of the features `prefix + parts.join('|')`, by their parts. */
export class CompositeEntries {
  /** Nested maps, one level per part, the last holding entries. */
  readonly #root = new Map<string, unknown>()

  /** Feature prefix (`w-1w=`): the model's template of these features. */
  readonly prefix: string
  readonly #parts: number
  readonly #order: ReadonlyArray<number> | undefined

  /**
   * @param prefix
   *   Feature prefix (`w-1w=`).
   * @param parts
   *   Number of parts.
   * @param entries
   *   Entries of features by name: those with the prefix are indexed (more
   *   come with `add`).
   * @param order
   *   The order of the parts in the look-ups (by default, as written):
   *   `[1, 0, 2]` keeps `a|b|c` under `b`, then `a`, then `c`.
   */
  constructor(prefix: string, parts: number, entries: ReadonlyMap<string, number>, order?: ReadonlyArray<number>) {
    this.prefix = prefix
    this.#parts = parts
    this.#order = order
    for (const [feature, entry] of entries) {
      if (feature.startsWith(prefix)) this.add(feature.slice(prefix.length), entry)
    }
  }

  /**
   * Index a feature.
   *
   * @param value
   *   Its value (after the prefix).
   * @param entry
   *   Its entry.
   */
  add(value: string, entry: number): void {
    // One part: the value is the key, whatever `|` it holds (as `splits`).
    if (this.#parts === 1) {
      this.#root.set(value, entry)
      return
    }

    const pieces = value.split('|')
    // Mostly one split: as many pieces as parts.
    const all = pieces.length === this.#parts ? [pieces] : splits(pieces, this.#parts)
    const order = this.#order
    for (const split of all) {
      let level = this.#root
      const last = split.length - 1
      for (let index = 0; index < last; index++) {
        const key = order ? split[order[index]] : split[index]
        let next = level.get(key) as Map<string, unknown> | undefined
        if (!next) level.set(key, (next = new Map()))
        level = next
      }

      level.set(order ? split[order[last]] : split[last], entry)
    }
  }

  /**
   * The entries of the features whose first part (in look-up order) is
   * given, by their other parts: to keep, for a part that comes back
   * often.
   *
   * @param a
   *   First part.
   * @returns
   *   Nested maps (one level fewer than the parts), if any feature has
   *   that first part.
   */
  level<T = ReadonlyMap<string, number>>(a: string): T | undefined {
    return this.#root.get(a) as T | undefined
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
    const level = this.#root.get(a) as Map<string, number> | undefined
    return level?.get(b) ?? -1
  }
}

/**
 * The ways to join pieces (a value split at every `|`) back into a number
 * of parts, each part one or more consecutive pieces.
 *
 * @param pieces
 *   Pieces.
 * @param parts
 *   Number of parts.
 * @returns
 *   Splits.
 */
function splits(pieces: ReadonlyArray<string>, parts: number): string[][] {
  if (parts === 1) return [[pieces.join('|')]]
  const result: string[][] = []
  for (let take = 1; take <= pieces.length - parts + 1; take++) {
    const head = pieces.slice(0, take).join('|')
    for (const rest of splits(pieces.slice(take), parts - 1)) result.push([head, ...rest])
  }

  return result
}
