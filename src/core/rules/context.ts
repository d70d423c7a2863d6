/**
 * The view of a tagged document that rules share: its sentences with source
 * offsets, tokens, the claim each sentence is (if any), and who the sentence
 * attributes its content to. Built once per file and only when a rule asks.
 *
 * A sentence's speaker is its claim's speaker; for sentences that are no
 * claim, the claim tagger's attribution runs on the sentence (entity mentions
 * come from the result), so "he added" or "Officials argue" count as
 * attributed there too.
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {kindOf, type ArticleKind} from '../genre.ts'
import {attributeKept, type Candidate} from '../claims/attribution.ts'
import {defaultClaimsToCheck, type RankedClaim} from '../claims/to-check.ts'
import type {DocumentView, SentenceView} from '../document.ts'
import type {Fact} from '../facts/types.ts'
import {readFrontMatter, type FrontMatter} from '../front-matter.ts'
import {firstIndex} from '../sorted.ts'
import {Cache, type SentenceMemo} from '../incremental/memory.ts'
import type {DateTag, Attribution, Claim, Entity, NewsmarkResult, Quote} from '../types.ts'
import {SpanIndex} from './span-index.ts'

/** A token with source offsets. */
export interface SourceToken {
  /** Source start offset. */
  start: number
  /** Source end offset. */
  end: number
  /** Token text. */
  text: string
  /** Lower-cased text with typographic apostrophes made ASCII. */
  lower: string
}

/** One sentence as rules see it. */
export interface SentenceInfo {
  view: SentenceView
  /** Source start offset. */
  start: number
  /** Source end offset. */
  end: number
  /**
   * Kept for later analyses of the same text, which move them when an edit
   * moves the sentence: rules never change them, nor keep them past a check.
   */
  tokens: ReadonlyArray<SourceToken>
  /** The claim this sentence is, if check-worthy. */
  claim: Claim | undefined
  /** Who the sentence is attributed to, if anyone. */
  speaker: Attribution | undefined
  /** Token index of the reporting verb or phrase, if any. */
  verbAt: number | undefined
  /** Whether the sentence is in a heading. */
  heading: boolean
  /** Whether the sentence is in a table cell. */
  table: boolean
  /** Whether the sentence cites a source: a link, a footnote or a cue such as “a report by”. */
  cited: boolean
}

/** What a rule gets. */
export interface RuleContext {
  file: VFile
  /** The Markdown source. */
  source: string
  result: NewsmarkResult
  /** The reader’s fact base. */
  facts: ReadonlyArray<Fact>
  /** Entities by id. */
  entity(id: string): Entity | undefined
  /** The document’s prose view (built on first use). */
  readonly document: DocumentView
  /** Sentences (built on first use). */
  readonly sentences: ReadonlyArray<SentenceInfo>
  /** Named (not pronoun) entity mentions inside `[start, end)`, in order. */
  mentionsIn(start: number, end: number): ReadonlyArray<PlacedMention>
  /** Dates inside `[start, end)`, in order. */
  datesIn(start: number, end: number): ReadonlyArray<DateTag>
  /** Quotes whose content overlaps `[start, end)`, in order of their start. */
  quotesOverlapping(start: number, end: number): ReadonlyArray<Quote>
  /** Whether an entity is one of the result's entities (not a nationality). */
  isEntity(entity: Entity): boolean
  /** Every entity mention (pronouns too), indexed (built on first use). */
  readonly mentionSpans: SpanIndex
  /** The mentions of persons and organisations (pronouns too), indexed (built on first use). */
  readonly speakerSpans: SpanIndex
  /** The front matter, if the document has one (read on first use). */
  readonly frontMatter: FrontMatter | undefined
  /** The article's genre and language (read on first use). */
  readonly kind: ArticleKind
  /** How many claims to check to list (`claim-to-check`). */
  readonly claimsToCheck: number
  /** The claims to check, ranked (`rankClaims`, on first use). */
  readonly toCheck: ReadonlyArray<RankedClaim>
}

/** A named mention with its entity. */
export interface PlacedMention {
  entity: Entity
  start: number
  end: number
}

// A cue that a sentence names its evidence: "a report by", "data from",
// "figures published by", "a study in".
const sourceCue =
  /\b(report|study|survey|poll|census|data|figures|statistics|analysis|research|estimates?|records)\s+(by|from|of|in|published|released|compiled)\b|\b(according to|cited by|quoted by|as reported by)\b/i
// Personal pronouns: someone the sentence names as the speaker.
const personal = /^(i|i'm|i've|i'd|i'll|you|we|they|he|she|him|her|them|me|us)$/
// A Markdown link, reference, footnote or autolink in the sentence source.
const citation = /\]\(|\]\[|\[\^|<https?:|https?:\/\//

/**
 * Create the rule context.
 *
 * @param file
 *   File (its value is the Markdown source).
 * @param result
 *   Tags.
 * @param facts
 *   Fact base.
 * @param view
 *   Gets the document’s prose view (called at most once, on first use).
 * @param tree
 *   Gets the document’s tree, when it may have front matter (called at
 *   most once, on first use).
 * @param knownKind
 *   The article's genre and language, when the caller knows them.
 * @param claimsToCheck
 *   How many claims to check to list.
 * @param rank
 *   Ranks the claims to check (`rankClaims`; called at most once, on first
 *   use of `toCheck`; default: none).
 * @returns
 *   Context.
 */
export function createContext(
  file: VFile,
  result: NewsmarkResult,
  facts: ReadonlyArray<Fact>,
  view: () => DocumentView,
  tree: () => Root | undefined = () => undefined,
  knownKind?: ArticleKind,
  claimsToCheck = defaultClaimsToCheck,
  rank: (context: RuleContext) => ReadonlyArray<RankedClaim> = () => []
): RuleContext {
  const source = String(file.value ?? '')
  const byId = new Map([...result.entities, ...(result.nationalities ?? [])].map((entity) => [entity.id, entity]))
  let document: DocumentView | undefined
  let sentences: SentenceInfo[] | undefined
  let mentions: ReadonlyArray<PlacedMention> | undefined
  const named = () => (mentions ??= namedMentions(result))
  let dates: DateTag[] | undefined
  let quotes: SpanIndex<Quote> | undefined
  let entities: ReadonlySet<Entity> | undefined
  let mentionSpans: SpanIndex | undefined
  let speakerSpans: SpanIndex | undefined
  let frontMatter: {value: FrontMatter | undefined} | undefined
  let kind = knownKind
  let toCheck: ReadonlyArray<RankedClaim> | undefined

  return {
    file,
    source,
    result,
    facts,
    claimsToCheck,
    get toCheck() {
      toCheck ??= rank(this)
      return toCheck
    },
    entity: (id) => byId.get(id),
    get document() {
      document ??= view()
      return document
    },
    get sentences() {
      sentences ??= buildSentences(this.document, result, source, file.path ?? '', named())
      return sentences
    },
    mentionsIn(start, end) {
      return inRange(named(), start, end)
    },
    datesIn(start, end) {
      dates ??= [...result.dates].sort((a, b) => a.start - b.start)
      return inRange(dates, start, end)
    },
    quotesOverlapping(start, end) {
      quotes ??= new SpanIndex(result.quotes ?? [])
      return quotes.overlapping(start, end)
    },
    isEntity(entity) {
      entities ??= new Set(result.entities)
      return entities.has(entity)
    },
    get mentionSpans() {
      // Nationalities too: “Russian officials” is one source, “Polish” a name a word may not be misspelt from.
      mentionSpans ??= new SpanIndex([...result.entities, ...(result.nationalities ?? [])].flatMap((entity) => entity.mentions))
      return mentionSpans
    },
    get speakerSpans() {
      speakerSpans ??= new SpanIndex(
        result.entities
          .filter((entity) => entity.type === 'PER' || entity.type === 'ORG')
          .flatMap((entity) => entity.mentions)
      )
      return speakerSpans
    },
    get frontMatter() {
      if (!frontMatter) {
        const root = tree()
        frontMatter = {value: root ? readFrontMatter(root) : undefined}
      }

      return frontMatter.value
    },
    get kind() {
      kind ??= kindOf(this.frontMatter, source)
      return kind
    }
  }
}

/**
 * The items inside `[start, end)` of a list sorted by start (binary search,
 * so rules that look up every sentence stay linear overall).
 *
 * @param items
 *   Items sorted by `start`.
 * @param start
 *   Range start.
 * @param end
 *   Range end.
 * @returns
 *   Items that start and end inside the range.
 */
function inRange<T extends {start: number; end: number}>(
  items: ReadonlyArray<T>,
  start: number,
  end: number
): T[] {
  const found: T[] = []
  for (let index = firstIndex(items.length, (at) => items[at].start >= start); index < items.length && items[index].start < end; index++) {
    if (items[index].end <= end) found.push(items[index])
  }

  return found
}

/**
 * A token's lower-case form with typographic apostrophes made ASCII.
 *
 * @param text
 *   Token text.
 * @returns
 *   Lower-case text.
 */
function lowerOf(text: string): string {
  const lower = text.toLowerCase()
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower
}

/** What rules read of a sentence that an edit elsewhere leaves as it was. */
interface Kept {
  /** The offset map of the block it was made with (`ProseBlock.map`). */
  map: Int32Array
  /** Tokens with source offsets. */
  tokens: ReadonlyArray<SourceToken>
  /** Whether its text has a cue that it cites a source (`sourceCue`). */
  cue: boolean
  /** Whether it cites a source (`SentenceInfo.cited`). */
  cited: boolean
  /** The last analysis that used it (`analysis`). */
  used: number
  /** Its speaker, as last read (`readSpeaker`). */
  speaker?: Speaker
}

/** What is kept of a document's sentences from one analysis to the next. */
interface KeptDocument {
  /**
   * By the sentence's text (its memo), then by where it starts in the
   * source (text can repeat in a document).
   */
  sentences: WeakMap<SentenceMemo, Map<number, Kept>>
  /** Counts the document's analyses: places no analysis used lately go. */
  analysis: number
  /** How far the last sentence moved (`keptSentence`). */
  shift: number
}

// By document path (the editor's open documents: forgetting one drops what
// was kept of its sentences): an edit does not redo this work for the
// sentences it did not touch.
const kept = new Cache<string, KeptDocument>(8, {byDocument: true})

/**
 * Whether a sentence cites a source (`SentenceInfo.cited`): markup in its
 * source (a link, a footnote; it may change while the text does not), or a
 * cue in its text.
 *
 * @param source
 *   Markdown source.
 * @param start
 *   Start of the sentence in it.
 * @param end
 *   End of the sentence in it.
 * @param cue
 *   Whether its text has a cue (`sourceCue`).
 * @returns
 *   Whether it cites a source.
 */
function cites(source: string, start: number, end: number, cue: boolean): boolean {
  return cue || citation.test(source.slice(start, end))
}

/**
 * What was kept of a sentence, with its tokens at their source offsets.
 *
 * @param document
 *   What is kept of the document's sentences.
 * @param view
 *   Sentence.
 * @param source
 *   Markdown source.
 * @param sentenceStart
 *   Source offset where the sentence starts.
 * @param sentenceEnd
 *   Source offset where it ends.
 * @returns
 *   Kept parts (its tokens are shared with later analyses: never change them).
 */
function keptSentence(
  document: KeptDocument,
  view: SentenceView,
  source: string,
  sentenceStart: number,
  sentenceEnd: number
): Kept {
  const {block} = view
  const {analysis, shift} = document
  let places = document.sentences.get(view.memo)
  if (!places) document.sentences.set(view.memo, (places = new Map()))
  const start = view.tokens.length > 0 ? block.base + block.map[view.tokens[0].start] : -1
  const here = places.get(start)
  // The same map at the same start: the block's source is as it was, and
  // where it was (`proseBlocks` keeps a block's map only for the same source).
  if (here?.map === block.map) {
    here.used = analysis
    return here
  }

  // Its tokens as they were, here (markup changed elsewhere in its block),
  // or where it was before an edit moved it.
  let moved = here && sameLayout(here.tokens, view, start) ? here : undefined
  // Most likely as far as the last sentence that moved (an edit moves all
  // that follow it alike): texts repeated often have many places.
  const likely = moved || shift === 0 ? undefined : places.get(start - shift)
  if (likely && likely.used !== analysis && sameLayout(likely.tokens, view, start)) moved = likely
  if (!moved) {
    let tries = 0
    for (const place of places.values()) {
      if (++tries > 16) break
      if (place !== here && place.used !== analysis && sameLayout(place.tokens, view, start)) {
        moved = place
        break
      }
    }
  }

  if (moved) {
    const from = moved.tokens.length > 0 ? moved.tokens[0].start : -1
    const delta = start - from
    if (delta !== 0) {
      // Tokens move with their sentence: no new objects for the rest of a
      // document an edit shifted.
      for (const token of moved.tokens) {
        token.start += delta
        token.end += delta
      }

      places.delete(from)
      document.shift = delta
    }

    moved.map = block.map
    moved.cited = cites(source, sentenceStart, sentenceEnd, moved.cue)
    moved.used = analysis
    places.set(start, moved)
    return moved
  }

  const known = here ?? places.values().next().value
  // One object of one shape per token (no intermediate span, no spread).
  const tokens: SourceToken[] = new Array(view.tokens.length)
  for (let index = 0; index < view.tokens.length; index++) {
    const token = view.tokens[index]
    tokens[index] = {
      start: block.base + block.map[token.start],
      end: block.base + block.ends[token.end - 1],
      text: token.text,
      lower: known ? known.tokens[index].lower : lowerOf(token.text)
    }
  }

  const cue = known ? known.cue : sourceCue.test(view.text)
  const fresh: Kept = {map: block.map, tokens, cue, cited: cites(source, sentenceStart, sentenceEnd, cue), used: analysis}
  if (places.size > 8) {
    // Places the last analyses did not use: the text moved away from them.
    for (const [at, place] of places) if (place.used < analysis - 1) places.delete(at)
  }

  places.set(start, fresh)
  return fresh
}

/**
 * Whether kept tokens lie in the source as a sentence's tokens do, but for
 * where they start.
 *
 * @param tokens
 *   Kept tokens.
 * @param view
 *   Sentence (with the same prose tokens).
 * @param start
 *   Source offset of its first token.
 * @returns
 *   Whether they do.
 */
function sameLayout(tokens: ReadonlyArray<SourceToken>, view: SentenceView, start: number): boolean {
  const {map, ends} = view.block
  // Both relative to the first token.
  const from = tokens.length > 0 ? tokens[0].start : -1
  const at = start - view.block.base
  for (let index = 0; index < view.tokens.length; index++) {
    const token = view.tokens[index]
    if (tokens[index].start - from !== map[token.start] - at || tokens[index].end - from !== ends[token.end - 1] - at) {
      return false
    }
  }

  return true
}

/**
 * The named (not pronoun) mentions of every entity, in document order.
 *
 * @param result
 *   Tags.
 * @returns
 *   Mentions with their entities.
 */
function namedMentions(result: NewsmarkResult): PlacedMention[] {
  const mentions: PlacedMention[] = []
  for (const entity of [...result.entities, ...(result.nationalities ?? [])]) {
    for (const mention of entity.mentions) {
      if (!mention.pronoun) mentions.push({entity, start: mention.start, end: mention.end})
    }
  }

  // Each entity's mentions are in order: the sort merges runs.
  return mentions.sort((a, b) => a.start - b.start)
}

/**
 * Build the sentence infos.
 *
 * @param document
 *   Document view.
 * @param result
 *   Tags.
 * @param source
 *   Markdown source.
 * @param path
 *   Path of the document (what is kept of its sentences is kept by it).
 * @param mentions
 *   Named mentions in document order.
 * @returns
 *   Sentences in document order.
 */
function buildSentences(
  document: DocumentView,
  result: NewsmarkResult,
  source: string,
  path: string,
  mentions: ReadonlyArray<PlacedMention>
): SentenceInfo[] {
  // Claims are sentences, in document order (as `tagClaims` makes them).
  let claims = result.claims
  for (let index = 1; index < claims.length; index++) {
    if (claims[index].start < claims[index - 1].start) {
      claims = [...claims].sort((a, b) => a.start - b.start)
      break
    }
  }

  let claimAt = 0
  const keptDocument = kept.get(path, () => ({sentences: new WeakMap(), analysis: 0, shift: 0}))
  const infos: SentenceInfo[] = new Array(document.sentences.length)
  let cursor = 0
  keptDocument.analysis++

  for (let index = 0; index < document.sentences.length; index++) {
    const view = document.sentences[index]
    const block = view.block
    const start = block.base + block.map[view.start]
    const end = block.base + block.ends[view.end - 1]
    const known = keptSentence(keptDocument, view, source, start, end)

    // Entity mentions in this sentence.
    while (cursor < mentions.length && mentions[cursor].start < start) cursor++
    let last = cursor
    while (last < mentions.length && mentions[last].start < end) last++
    const read = readSpeaker(view, start, known, mentions, cursor, last)

    while (claimAt < claims.length && claims[claimAt].start < start) claimAt++
    // (Of two at one start, the last.)
    while (claimAt + 1 < claims.length && claims[claimAt + 1].start === start) claimAt++
    const claim = claimAt < claims.length && claims[claimAt].start === start ? claims[claimAt] : undefined
    // Unresolved pronouns still name someone: they count as a speaker.
    const said = claim?.speaker
    const speaker = said ? (said.entity ? {entity: said.entity, name: said.name} : {name: said.name}) : read.speaker
    // One shape for every sentence (the rules read them all).
    const info: SentenceInfo = {
      view,
      start,
      end,
      tokens: known.tokens,
      claim,
      speaker,
      verbAt: read.verbAt,
      heading: block.kind === 'heading',
      table: block.kind === 'tableCell',
      cited: known.cited
    }
    infos[index] = info
  }

  return infos
}

/** Who a sentence attributes its content to, from its tokens and mentions. */
interface Speaker {
  /** The tokens it was read from (`Kept.tokens`). */
  tokens: ReadonlyArray<SourceToken>
  /**
   * The mentions it was read with, as what the speaker depends on: start
   * and end (from the sentence's start, which moves), entity id, name and
   * type, flat (no mention or entity objects, which would keep that
   * analysis's result alive).
   */
  mentions: ReadonlyArray<number | string>
  speaker: Attribution | undefined
  verbAt: number | undefined
}

/**
 * The speaker of a sentence that is no claim (or whose claim names none),
 * read again only when its tokens or the mentions in it changed.
 *
 * @param view
 *   Sentence.
 * @param start
 *   Its source start offset.
 * @param known
 *   What was kept of it.
 * @param mentions
 *   Named mentions of the document, in order.
 * @param first
 *   Index of its first mention.
 * @param end
 *   Index after its last mention.
 * @returns
 *   Speaker (shared with later analyses: never change it).
 */
function readSpeaker(
  view: SentenceView,
  start: number,
  known: Kept,
  mentions: ReadonlyArray<PlacedMention>,
  first: number,
  end: number
): Speaker {
  const before = known.speaker
  if (before && before.tokens === known.tokens && before.mentions.length === (end - first) * 5) {
    // The sentence may have moved, with its tokens (`keptSentence`).
    let same = true
    for (let index = first, at = 0; same && index < end; index++, at += 5) {
      const now = mentions[index]
      same =
        now.start - start === before.mentions[at] &&
        now.end - start === before.mentions[at + 1] &&
        now.entity.id === before.mentions[at + 2] &&
        now.entity.name === before.mentions[at + 3] &&
        now.entity.type === before.mentions[at + 4]
    }

    if (same) return before
  }

  const tokens = known.tokens
  const candidates: Candidate[] = []
  for (let index = first; index < end; index++) {
    const mention = mentions[index]
    const from = tokenAt(tokens, mention.start, 'start')
    const to = tokenAt(tokens, mention.end, 'end')
    if (from < 0 || to < from) continue
    candidates.push({
      entity: mention.entity.id,
      name: mention.entity.name,
      type: mention.entity.type,
      first: from,
      last: to + 1
    })
  }

  // No pronoun is resolved here: the result depends on the tokens and mentions only.
  const found = attributeKept(view, candidates, () => undefined)
  const speaker = found.speaker ?? fallbackSpeaker(tokens, candidates, found.verbAt)
  const read: Speaker = {
    tokens,
    mentions: mentions.slice(first, end).flatMap((mention) => [
      mention.start - start,
      mention.end - start,
      mention.entity.id,
      mention.entity.name,
      mention.entity.type
    ]),
    speaker: speaker ? (speaker.entity ? {entity: speaker.entity, name: speaker.name} : {name: speaker.name}) : undefined,
    verbAt: found.verbAt
  }
  known.speaker = read
  return read
}

/**
 * The index of the token that starts (or ends) at an offset: a binary
 * search, as tokens are in order and do not overlap (a sentence may hold
 * thousands, and as many mentions).
 *
 * @param tokens
 *   Tokens in order.
 * @param offset
 *   Source offset.
 * @param edge
 *   Which edge of the token is at the offset.
 * @returns
 *   Index, or `-1`.
 */
function tokenAt(tokens: ReadonlyArray<SourceToken>, offset: number, edge: 'start' | 'end'): number {
  const at = firstIndex(tokens.length, (index) => tokens[index][edge] >= offset)
  return at < tokens.length && tokens[at][edge] === offset ? at : -1
}

/**
 * A speaker the claim tagger’s attribution misses: a pronoun shortly before
 * the verb (“they all say”, “for him to say”), a noun with its determiner
 * (“…, the ministry said”), a name before an apposition (“Landmine
 * Monitor, a research group, estimates”), and the writer speaking for
 * themselves (“I was governor for four years”: they are the source).
 *
 * @param tokens
 *   Tokens of the sentence.
 * @param candidates
 *   Entity mentions of the sentence.
 * @param verbAt
 *   Index of the reporting verb, if any.
 * @returns
 *   Speaker, if found.
 */
function fallbackSpeaker(
  tokens: ReadonlyArray<SourceToken>,
  candidates: ReadonlyArray<Candidate>,
  verbAt: number | undefined
): Attribution | undefined {
  // Not an “I” inside a quotation, which is someone else speaking.
  let depth = 0
  const self = tokens.find((token) => {
    if (token.text === '“' || (token.text === '"' && depth === 0)) depth++
    else if (token.text === '”' || token.text === '"') depth = Math.max(0, depth - 1)
    return depth === 0 && /^I(['’](m|ve|d|ll))?$/.test(token.text)
  })
  if (verbAt === undefined) return self ? {name: self.text} : undefined
  return nearVerb(tokens, candidates, verbAt) ?? (self ? {name: self.text} : undefined)
}

/** A speaker near a reporting verb (see `fallbackSpeaker`). */
function nearVerb(
  tokens: ReadonlyArray<SourceToken>,
  candidates: ReadonlyArray<Candidate>,
  verbAt: number
): Attribution | undefined {
  const before = tokens[verbAt - 1]
  if (!before) return undefined
  // “they all say”, “I’m not going to tell”, “for him to say”.
  for (let index = verbAt - 1; index >= 0 && index >= verbAt - 6; index--) {
    if (!/^[\p{L}'’]/u.test(tokens[index].text)) break
    if (personal.test(tokens[index].lower)) return {name: tokens[index].text}
  }

  // “…, the ministry said”, “the report says”.
  if (/^\p{L}+$/u.test(before.text) && /^(the|a|an|this|its|their)$/.test(tokens[verbAt - 2]?.lower ?? '')) {
    return {name: tokens[verbAt - 2].text + ' ' + before.text}
  }

  if (before.text !== ',') return undefined
  for (let comma = verbAt - 2; comma > 0 && comma >= verbAt - 10; comma--) {
    if (tokens[comma].text !== ',') continue
    if (!/^(a|an|the|its|his|her|their)$/.test(tokens[comma + 1].lower)) return undefined
    const candidate = candidates.find((c) => c.last === comma)
    if (candidate) return {entity: candidate.entity, name: candidate.name}
    let first = comma
    while (first > 0 && /^\p{Lu}/u.test(tokens[first - 1].text)) first--
    if (first === comma) return undefined
    return {name: tokens.slice(first, comma).map((token) => token.text).join(' ')}
  }

  return undefined
}

/**
 * The source span of a token range of a sentence.
 *
 * @param sentence
 *   Sentence.
 * @param first
 *   First token index.
 * @param last
 *   Token index after the last.
 * @returns
 *   Source offsets.
 */
export function tokenSpan(
  sentence: SentenceInfo,
  first: number,
  last: number
): {start: number; end: number} {
  return {start: sentence.tokens[first].start, end: sentence.tokens[last - 1].end}
}
