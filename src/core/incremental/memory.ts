/**
 * What one analysis remembers for the next: the work that is a pure
 * function of a text (the tokens and sentences of a prose block, the
 * check-worthiness score and the kind of a sentence) and what is kept of a
 * document (its last tree, its tags), so that analysing it again after a
 * small edit (the editor, on every keystroke) redoes only what changed.
 *
 * The caches belong to a `Memory`, which belongs to one `createNewsmark`:
 * two instances share nothing, and dropping an instance drops all it kept.
 * A module only declares what it keeps (`Cache`, `ObjectCache`: a name and
 * a size, no entries); the entries are found in the memory of the analysis
 * that is running (`Memory.run`, for the length of one synchronous
 * analysis). Outside an analysis nothing is kept and nothing is found: the
 * function runs as if for the first time.
 *
 * An entry knows the documents that kept or read it (by path), and goes
 * when the last of them is forgotten (`Memory.forget`): the editor keeps
 * what it learnt only of open documents. (A document that takes a value
 * from a sentence's memo, not from the cache, is no owner of the cache's
 * entry: the memo keeps the value for it.)
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

/** A bounded least-recently-used map whose entries know their owners. */
export class Lru<K, V> {
  // Each entry with the key it was kept under: a hit moves the entry but
  // keeps that key (a string key is a copy, see `#keep`).
  readonly #map = new Map<K, Entry<K, V>>()
  readonly #size: number
  /** The document an entry kept or read now belongs to (`Memory.run`). */
  owner: string | undefined

  /**
   * @param size
   *   Most entries kept.
   */
  constructor(size: number) {
    this.#size = size
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
    const entry = this.#map.get(key)
    if (entry) {
      this.#touch(entry)
      if (entry.owners !== this.owner) this.#own(entry)
      return entry.value
    }

    const keptKey = ownKey(key)
    const value = compute(keptKey)
    this.#keep(keptKey, value)
    return value
  }

  /**
   * The value of a key, if kept.
   *
   * @param key
   *   Key.
   * @returns
   *   Value.
   */
  peek(key: K): V | undefined {
    const entry = this.#map.get(key)
    if (entry && entry.owners !== this.owner) this.#own(entry)
    return entry?.value
  }

  /**
   * Keep a value (most recently used).
   *
   * @param key
   *   Key.
   * @param value
   *   Value.
   */
  set(key: K, value: V): void {
    const entry = this.#map.get(key)
    if (entry) {
      entry.value = value
      this.#touch(entry)
      if (entry.owners !== this.owner) this.#own(entry)
    } else {
      this.#keep(ownKey(key), value)
    }
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
   * Forget the entries whose key passes a test; the others keep their order
   * of use.
   *
   * @param test
   *   Whether to forget the entry of a key.
   */
  deleteWhere(test: (key: K) => boolean): void {
    // Deleting the entry being visited is safe in a `Map` iteration.
    for (const key of this.#map.keys()) if (test(key)) this.#map.delete(key)
  }

  /** Make an entry the most recently used, under the key it was kept with. */
  #touch(entry: Entry<K, V>): void {
    this.#map.delete(entry.key)
    this.#map.set(entry.key, entry)
  }

  /** Keep a new entry (its key already its own), dropping the oldest if full. */
  #keep(key: K, value: V): void {
    const map = this.#map
    map.set(key, {key, value, owners: this.owner})
    if (map.size > this.#size) map.delete(map.keys().next().value as K)
  }

  /**
   * Record the current document as an owner of an entry it kept or read.
   *
   * @param entry
   *   Entry (its owners not just the current one).
   */
  #own(entry: Entry<K, V>): void {
    const owner = this.owner
    if (owner === undefined) return
    const owners = entry.owners
    if (owners === undefined) entry.owners = owner
    else if (typeof owners === 'string') entry.owners = [owners, owner]
    else if (!owners.includes(owner)) owners.push(owner)
  }
}

/**
 * What a module keeps by key (a text, a path), declared once at module
 * level: the entries are in the memory of the running analysis.
 */
export class Cache<K, V> {
  /** Most entries a memory keeps. */
  readonly size: number
  /**
   * Whether the keys are document paths (`path`, or `path` + NUL + more):
   * `Memory.forget` then drops a document's entries by key, not by owner.
   */
  readonly byDocument: boolean

  /**
   * @param size
   *   Most entries kept.
   * @param options
   *   Whether the keys are document paths.
   */
  constructor(size: number, options?: {byDocument?: boolean}) {
    this.size = size
    this.byDocument = options?.byDocument ?? false
  }

  /**
   * The value of a key, computed (and kept, in an analysis) when missing.
   *
   * @param key
   *   Key.
   * @param compute
   *   Computes the value.
   * @returns
   *   Value.
   */
  get(key: K, compute: (key: K) => V): V {
    const lru = current?.lru(this)
    return lru ? lru.get(key, compute) : compute(key)
  }

  /**
   * The value of a key, if kept.
   *
   * @param key
   *   Key.
   * @returns
   *   Value.
   */
  peek(key: K): V | undefined {
    return current?.lru(this)?.peek(key)
  }

  /**
   * Keep a value (in an analysis; else nothing is kept).
   *
   * @param key
   *   Key.
   * @param value
   *   Value.
   */
  set(key: K, value: V): void {
    current?.lru(this)?.set(key, value)
  }

  /**
   * Forget a key.
   *
   * @param key
   *   Key.
   */
  delete(key: K): void {
    current?.lru(this)?.delete(key)
  }
}

/**
 * What a module keeps of an object for the next analysis (a block node, a
 * sentence's tokens), declared once at module level: the entry goes with
 * its key, or with the memory.
 */
export class ObjectCache<K extends object, V> {
  /**
   * The value kept for a key, if any.
   *
   * @param key
   *   Key.
   * @returns
   *   Value.
   */
  get(key: K): V | undefined {
    return current?.weak(this)?.get(key)
  }

  /**
   * Keep a value (in an analysis; else nothing is kept).
   *
   * @param key
   *   Key.
   * @param value
   *   Value.
   */
  set(key: K, value: V): void {
    current?.weak(this)?.set(key, value)
  }
}

/**
 * What a module keeps of a pure function of a short key (a word's features
 * or shape), declared once at module level: a plain map in the memory of
 * the running analysis, emptied when full. Cheaper than a `Cache` (no order
 * of use, no owners): its entries are facts about words, no document's.
 */
export class Table<K, V> {
  /** Most entries a memory keeps before it starts again. */
  readonly size: number
  /** Whether a string key is copied before it is kept (`detach`). */
  readonly detach: boolean

  /**
   * @param size
   *   Most entries kept.
   * @param options
   *   Whether to copy string keys (for keys that may be slices of a whole
   *   document, such as sentences: words are short, and need not be).
   */
  constructor(size: number, options?: {detach?: boolean}) {
    this.size = size
    this.detach = options?.detach ?? false
  }

  /**
   * The value of a key, computed (and kept, in an analysis) when missing.
   *
   * @param key
   *   Key.
   * @param compute
   *   Computes the value.
   * @returns
   *   Value.
   */
  get(key: K, compute: (key: K) => V): V {
    const map = current?.table(this)
    if (!map) return compute(key)
    let value = map.get(key)
    if (value === undefined) {
      if (map.size >= this.size) map.clear()
      const kept = this.detach ? ownKey(key) : key
      value = compute(kept)
      map.set(kept, value)
    }

    return value
  }
}

/**
 * The memory of one Newsmark instance: every cache's entries, made on first
 * use.
 */
export class Memory {
  /**
   * Whether the caches keep entries (`Cache`, `ObjectCache`): a memory
   * without them (a stateless analysis) keeps only its tables of words,
   * for the length of its one analysis.
   */
  readonly caches: boolean
  readonly #lrus = new Map<Cache<unknown, unknown>, Lru<unknown, unknown>>()
  readonly #weak = new Map<ObjectCache<object, unknown>, WeakMap<object, unknown>>()
  readonly #tables = new Map<Table<unknown, unknown>, Map<unknown, unknown>>()
  #owner: string | undefined

  /**
   * @param options
   *   Whether the caches keep entries (default: they do).
   */
  constructor(options?: {caches?: boolean}) {
    this.caches = options?.caches ?? true
  }

  /**
   * Run an analysis with this memory: the caches keep and find their
   * entries here, and what it keeps or reads is owned by the document.
   *
   * @param path
   *   Path of the document (none: entries that no document owns, which go
   *   only when the caches are full or cleared).
   * @param run
   *   The analysis (synchronous).
   * @returns
   *   What it returns.
   */
  run<T>(path: string | undefined, run: () => T): T {
    const before = current
    const owner = this.#owner
    current = this
    this.#setOwner(path || undefined)
    try {
      return run()
    } finally {
      this.#setOwner(owner)
      current = before
    }
  }

  /**
   * The entries of a cache here (none when this memory keeps none).
   *
   * @param cache
   *   Cache.
   * @returns
   *   Its entries.
   */
  lru<K, V>(cache: Cache<K, V>): Lru<K, V> | undefined {
    if (!this.caches) return undefined
    let lru = this.#lrus.get(cache as Cache<unknown, unknown>) as Lru<K, V> | undefined
    if (!lru) {
      lru = new Lru<K, V>(cache.size)
      lru.owner = this.#owner
      this.#lrus.set(cache as Cache<unknown, unknown>, lru as Lru<unknown, unknown>)
    }

    return lru
  }

  /**
   * The entries of a table here.
   *
   * @param table
   *   Table.
   * @returns
   *   Its entries.
   */
  table<K, V>(table: Table<K, V>): Map<K, V> {
    let map = this.#tables.get(table as Table<unknown, unknown>) as Map<K, V> | undefined
    if (!map) {
      map = new Map()
      this.#tables.set(table as Table<unknown, unknown>, map as Map<unknown, unknown>)
    }

    return map
  }

  /**
   * The entries of an object cache here (none when this memory keeps none).
   *
   * @param cache
   *   Cache.
   * @returns
   *   Its entries.
   */
  weak<K extends object, V>(cache: ObjectCache<K, V>): WeakMap<K, V> | undefined {
    if (!this.caches) return undefined
    let map = this.#weak.get(cache as ObjectCache<object, unknown>) as WeakMap<K, V> | undefined
    if (!map) {
      map = new WeakMap()
      this.#weak.set(cache as ObjectCache<object, unknown>, map as WeakMap<object, unknown>)
    }

    return map
  }

  /**
   * Forget what is kept for a document alone (it closed): the entries kept
   * under its path, and those it alone kept or read; entries that other
   * documents read stay theirs.
   *
   * @param path
   *   Path of the document.
   */
  forget(path: string): void {
    const prefix = path + '\u0000'
    for (const [cache, lru] of this.#lrus) {
      if (cache.byDocument) lru.deleteWhere((key) => key === path || (typeof key === 'string' && key.startsWith(prefix)))
      else lru.disown(path)
    }
  }

  /** Forget everything (the next analysis starts cold). */
  clear(): void {
    this.#lrus.clear()
    this.#weak.clear()
    this.#tables.clear()
  }

  /**
   * How many entries the caches keep, all told (for tests: what a document
   * leaves behind when it is forgotten; tables of words are no document's,
   * and not counted).
   *
   * @returns
   *   Entries.
   */
  get entries(): number {
    let total = 0
    for (const lru of this.#lrus.values()) total += lru.size
    return total
  }

  /**
   * Make a document the owner of what the caches keep and read.
   *
   * @param owner
   *   Path, if any.
   */
  #setOwner(owner: string | undefined): void {
    this.#owner = owner
    for (const lru of this.#lrus.values()) lru.owner = owner
  }
}

// The memory of the analysis running now, for the length of its (synchronous)
// run: the one variable of this module. Caches hold no entries of their own.
let current: Memory | undefined

/**
 * The memory of the running analysis, if any.
 *
 * @returns
 *   Memory.
 */
export function currentMemory(): Memory | undefined {
  return current
}

/**
 * Values kept for a sentence's text by the steps that read it: one slot per
 * step (`SentenceSlot`). A sentence view carries the memo of its text
 * (`SentenceView.memo`), the same from one analysis to the next while its
 * block's text is the same: a step finds what it read before without a
 * lookup by key.
 */
export type SentenceMemo = unknown[]

// Slots are numbered as modules declare them (at load): a count, no cache.
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
