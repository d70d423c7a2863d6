/**
 * Per-process memory of work that is a pure function of a text: the tokens
 * and sentences of a prose block, the check-worthiness score and the kind of
 * a sentence. Analysing a document again after a small edit (the editor,
 * on every keystroke) then redoes this work only for the blocks and
 * sentences that changed.
 *
 * Each cache is a bounded LRU keyed by the text; values are shared between
 * analyses and never changed. `clearAnalysisCache` empties them (benchmarks
 * of a cold analysis), `setAnalysisCache(false)` turns them off (the CLI,
 * whose files share no text).
 *
 * An entry knows the documents that kept or read it (`withCacheOwner`, by
 * path), and goes when the last of them is forgotten (`forgetCacheOwner`):
 * the editor keeps what it learnt only of open documents. (A document that
 * takes a value from a sentence's memo, not from the cache, is no owner of
 * the cache's entry: the memo keeps the value for it.)
 */

/**
 * Documents that kept or read an entry: none (an analysis without a path),
 * one path, or several.
 */
type Owners = string | string[] | undefined

/** An entry of an `Lru`. */
interface Entry<K, V> {
  /** The key it was kept under. */
  key: K
  value: V
  owners: Owners
}

/** A bounded least-recently-used map. */
export class Lru<K, V> {
  // Each entry with the key it was kept under: a hit moves the entry but
  // keeps that key (a string key is a copy, see `#keep`).
  readonly #map = new Map<K, Entry<K, V>>()
  readonly #size: number

  /**
   * @param size
   *   Most entries kept.
   */
  constructor(size: number) {
    this.#size = size
    caches.push(this)
  }

  /**
   * The value of a key, computed (and kept) when missing.
   *
   * @param key
   *   Key.
   * @param compute
   *   Computes the value (from the key as kept: a copy of a string key).
   * @returns
   *   Value.
   */
  get(key: K, compute: (key: K) => V): V {
    if (!enabled) return compute(key)
    const entry = this.#map.get(key)
    if (entry) {
      this.#touch(entry)
      if (entry.owners !== owner) own(entry)
      return entry.value
    }

    const keptKey = ownKey(key)
    const value = compute(keptKey)
    this.#keep(keptKey, value)
    return value
  }

  /**
   * The value of a key, if kept (nothing is kept while the caches are off).
   *
   * @param key
   *   Key.
   * @returns
   *   Value.
   */
  peek(key: K): V | undefined {
    if (!enabled) return undefined
    const entry = this.#map.get(key)
    if (entry && entry.owners !== owner) own(entry)
    return entry?.value
  }

  /**
   * Keep a value (most recently used), unless the caches are off.
   *
   * @param key
   *   Key.
   * @param value
   *   Value.
   */
  set(key: K, value: V): void {
    if (!enabled) return
    const entry = this.#map.get(key)
    if (entry) {
      entry.value = value
      this.#touch(entry)
      if (entry.owners !== owner) own(entry)
    } else {
      this.#keep(ownKey(key), value)
    }
  }

  /** Make an entry the most recently used, under the key it was kept with. */
  #touch(entry: Entry<K, V>): void {
    this.#map.delete(entry.key)
    this.#map.set(entry.key, entry)
  }

  /** Keep a new entry (its key already its own), dropping the oldest if full. */
  #keep(key: K, value: V): void {
    const map = this.#map
    map.set(key, {key, value, owners: owner})
    if (map.size > this.#size) map.delete(map.keys().next().value as K)
  }

  /**
   * Forget a key.
   *
   * @param key
   *   Key.
   */
  delete(key: K): void {
    this.#map.delete(key)
  }

  /** Number of entries. */
  get size(): number {
    return this.#map.size
  }

  /** Forget every entry. */
  clear(): void {
    this.#map.clear()
  }

  /**
   * Forget that a document kept or read the entries: those it alone kept
   * go.
   *
   * @param path
   *   Path of the document.
   */
  disown(path: string): void {
    for (const entry of this.#map.values()) {
      const owners = entry.owners
      if (owners === path) {
        this.#map.delete(entry.key)
      } else if (Array.isArray(owners)) {
        const index = owners.indexOf(path)
        if (index !== -1) owners.splice(index, 1)
        if (owners.length === 1) entry.owners = owners[0]
      }
    }
  }

  /**
   * Forget the entries whose key passes a test (whether or not the caches
   * are on, as `clear`); the others keep their order of use.
   *
   * @param test
   *   Whether to forget the entry of a key.
   */
  deleteWhere(test: (key: K) => boolean): void {
    // Deleting the entry being visited is safe in a `Map` iteration.
    for (const key of this.#map.keys()) if (test(key)) this.#map.delete(key)
  }
}

/**
 * What an analysis keeps of an object for the next (a block node, a
 * sentence's tokens): the entry goes with its key. Nothing is kept, nor
 * found, while the caches are off.
 */
export class ObjectCache<K extends object, V> {
  #map = new WeakMap<K, V>()

  constructor() {
    caches.push(this)
  }

  /**
   * The value kept for a key, if any.
   *
   * @param key
   *   Key.
   * @returns
   *   Value.
   */
  get(key: K): V | undefined {
    return enabled ? this.#map.get(key) : undefined
  }

  /**
   * Keep a value, unless the caches are off.
   *
   * @param key
   *   Key.
   * @param value
   *   Value.
   */
  set(key: K, value: V): void {
    if (enabled) this.#map.set(key, value)
  }

  /** Forget every entry. */
  clear(): void {
    this.#map = new WeakMap()
  }
}

const caches: Array<{clear(): void; disown?(path: string): void}> = []
let enabled = true
/** The document being analysed, which owns what the caches keep and give. */
let owner: string | undefined

/**
 * Record a document as an owner of an entry it kept or read.
 *
 * @param entry
 *   Entry (its owners not just the current one).
 */
function own(entry: Entry<unknown, unknown>): void {
  if (owner === undefined) return
  const owners = entry.owners
  if (owners === undefined) entry.owners = owner
  else if (typeof owners === 'string') entry.owners = [owners, owner]
  else if (!owners.includes(owner)) owners.push(owner)
}

/**
 * Run an analysis of a document: the cache entries it keeps or reads are
 * its own too, until `forgetCacheOwner` with its path.
 *
 * @param path
 *   Path of the document (none: entries that no document owns, which go
 *   only when the caches are full or cleared).
 * @param run
 *   The analysis.
 * @returns
 *   What it returns.
 */
export function withCacheOwner<T>(path: string | undefined, run: () => T): T {
  const before = owner
  owner = path || undefined
  try {
    return run()
  } finally {
    owner = before
  }
}

/**
 * How many entries the caches keep, all told (for tests: what a document
 * leaves behind when it is forgotten).
 *
 * @returns
 *   Entries.
 */
export function cacheEntries(): number {
  let total = 0
  for (const cache of caches) if (cache instanceof Lru) total += cache.size
  return total
}

/**
 * Forget what the caches keep for a document alone (it closed); entries
 * that other documents read stay theirs.
 *
 * @param path
 *   Path of the document.
 */
export function forgetCacheOwner(path: string): void {
  for (const cache of caches) cache.disown?.(path)
}

/**
 * Forget what the analysis caches hold (the next analysis starts cold).
 */
export function clearAnalysisCache(): void {
  for (const cache of caches) cache.clear()
}

/**
 * Whether the analysis caches are on (`setAnalysisCache`).
 *
 * @returns
 *   Whether they are.
 */
export function cachesEnabled(): boolean {
  return enabled
}

/**
 * Turn the analysis caches on (the default) or off (and empty them).
 *
 * @param value
 *   Whether to keep results between analyses.
 */
export function setAnalysisCache(value: boolean): void {
  enabled = value
  if (!value) clearAnalysisCache()
}

/**
 * Values kept for a sentence's text by the steps that read it: one slot per
 * step (`SentenceSlot`). A sentence view carries the memo of its text
 * (`SentenceView.memo`), the same from one analysis to the next while its
 * block's text is the same (and a new one while the caches are off): a
 * step finds what it read before without a lookup by key.
 */
export type SentenceMemo = unknown[]

let slots = 0

/** A slot of sentence memos, for one step. */
export class SentenceSlot<T> {
  readonly #index = slots++

  /**
   * The value kept in a memo, if any.
   *
   * @param memo
   *   Memo of a sentence.
   * @returns
   *   Value.
   */
  get(memo: SentenceMemo): T | undefined {
    return memo[this.#index] as T | undefined
  }

  /**
   * Keep a value in a memo.
   *
   * @param memo
   *   Memo of a sentence.
   * @param value
   *   Value.
   */
  set(memo: SentenceMemo, value: T): void {
    memo[this.#index] = value
  }

  /**
   * Forget the value in a memo.
   *
   * @param memo
   *   Memo of a sentence.
   */
  delete(memo: SentenceMemo): void {
    memo[this.#index] = undefined
  }
}

/**
 * A key as an entry keeps it: a text is often a slice of a whole document,
 * so a string key is copied, and what is made from the copy keeps no
 * version of the document alive.
 *
 * @param key
 *   Key.
 * @returns
 *   The key to keep.
 */
function ownKey<K>(key: K): K {
  return typeof key === 'string' ? (detach(key) as K) : key
}

/**
 * A copy of a string that holds nothing of the string it was cut from: V8
 * keeps the whole of a string alive while a slice of it lives, so what is
 * kept from one analysis to the next (parsed nodes, cache keys) is made
 * from copies, not from slices of a whole version of the document.
 *
 * @param text
 *   Text, maybe a slice of a longer one.
 * @returns
 *   The same text, as a string of its own.
 */
export function detach(text: string): string {
  // Concatenation then a slice: the slice is taken of a new, flat string.
  return (' ' + text).slice(1)
}
