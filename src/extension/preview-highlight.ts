/**
 * Highlights in the Markdown preview, as plain functions over a markdown-it
 * token stream: which spans to mark and with what tooltip (`marksOf`), and
 * the token stream with those spans wrapped in `<span>`s
 * (`highlightTokens`). Pure (no `vscode`, no markdown-it import: VS Code
 * passes its own instance), tested in plain Node with markdown-it.
 *
 * Tags carry offsets into the Markdown source; markdown-it's tokens carry
 * only line ranges (`map`) on block tokens, and the inline tokens' text has
 * lost its markup (`**`, `[…](…)`, `\*`, `&amp;`, a list's indentation, a
 * quote's `>`). So each text token is found again in the source: from where
 * the previous one ended, inside its block's lines, verbatim when it is
 * there (most text), else character by character (entities, escapes, smart
 * quotes), a character that is not found taking its neighbour's place.
 *
 * Each text token is split where a mark starts or ends, and each piece is
 * wrapped in one `<span>` per mark over it (the longest outermost), so the
 * HTML stays balanced whatever the marks cross (emphasis, links, lines).
 * Everything written is escaped: tag names come from the article's text.
 * Code (inline and blocks), images and raw HTML are not highlighted.
 *
 * Known limits: text that a plugin adds (not in the source) is not marked;
 * a text token that occurs verbatim in a link's destination before its own
 * place (`[a](b) b`, no space) may be placed there.
 */
import type {Claim, DateTag, EntityType, NewsmarkResult} from '../core/types.ts'
import {readableValue, durationInWords} from '../service/timex.ts'
import {claimKindName, entityTypeName, truncate, verdictName, verdictOf} from '../service/words.ts'
import {firstIndex} from '../core/sorted.ts'

/** What a mark is: an entity type, a date or a claim. */
export type MarkKind = EntityType | 'date' | 'claim'

/** A span of the source to highlight in the preview. */
export interface Mark {
  /** Start offset in the source (UTF-16, inclusive). */
  readonly start: number
  /** End offset (exclusive). */
  readonly end: number
  readonly kind: MarkKind
  /** Tooltip, plain text (lines separated by `\n`). */
  readonly title: string
  /** A claim's verdict, in words (`⚖ false`), shown after it. */
  readonly verdict?: string
}

/**
 * The part of a markdown-it token that highlighting reads and writes
 * (markdown-it's `Token`).
 */
export interface MdToken {
  type: string
  tag: string
  nesting: number
  content: string
  map: [number, number] | null
  children: MdToken[] | null
  markup: string
  info: string
  meta: unknown
  attrs: Array<[string, string]> | null
  block: boolean
  hidden: boolean
  level: number
}

/** The part of a markdown-it instance the plugin uses (VS Code passes its own). */
export interface MarkdownItLike {
  core: {ruler: {push(name: string, rule: (state: {src: string; tokens: MdToken[]}) => void): void}}
  renderer: {render(tokens: MdToken[], options: unknown, env: unknown): string}
}

/**
 * Find the marks of what is rendered.
 * @param source
 *   The Markdown parsed (as markdown-it normalised it).
 * @param env
 *   The render's environment (VS Code's has `currentDocument`, a URI).
 * @returns
 *   Marks, offsets into `source`; none to render as markdown-it does.
 */
export type MarksFor = (source: string, env: unknown) => readonly Mark[] | undefined

/**
 * The markdown-it plugin: remembers the source of each token stream it
 * parses (a core rule; VS Code caches tokens by document version, and
 * renders them later with the document in `env`), and renders a stream
 * with the marks `marksFor` gives for its source.
 * @param md
 *   A markdown-it instance.
 * @param marksFor
 *   The marks of a source.
 * @param onError
 *   Called with what finding or wrapping the marks threw; the stream is
 *   then rendered as markdown-it renders it (default: nothing called).
 * @returns
 *   The same instance.
 */
export function previewPlugin<T extends MarkdownItLike>(md: T, marksFor: MarksFor, onError?: (error: unknown) => void): T {
  const sources = new WeakMap<MdToken[], string>()
  md.core.ruler.push('newsmark_source', (state) => {
    sources.set(state.tokens, state.src)
  })
  const {renderer} = md
  const render = renderer.render
  renderer.render = function (tokens, options, env) {
    const source = sources.get(tokens)
    let shown = tokens
    if (source !== undefined) {
      try {
        const marks = marksFor(source, env)
        if (marks && marks.length > 0) shown = highlightTokens(tokens, source, marks)
      } catch (error) {
        onError?.(error)
      }
    }
    return render.call(this, shown, options, env)
  }
  return md
}

/** Classes of the marks, as the preview's style sheet (`media/preview.css`) knows them. */
const kindClasses: Record<MarkKind, string> = {
  PER: 'newsmark-person',
  ORG: 'newsmark-organization',
  LOC: 'newsmark-place',
  MISC: 'newsmark-misc',
  date: 'newsmark-date',
  claim: 'newsmark-claim'
}

/**
 * The marks of an analysis: every entity mention, date and claim, with its
 * tooltip, ordered by start (longest first at the same start).
 * @param result
 *   Tags (reviewed: the reader's tags and rejections applied).
 * @returns
 *   Marks.
 */
export function marksOf(result: NewsmarkResult): Mark[] {
  const marks: Mark[] = []
  for (const entity of result.entities) {
    const title = `${entityTypeName(entity.type)}: ${entity.name}${entity.role ? `\n${entity.role}` : ''}`
    for (const mention of entity.mentions) marks.push({start: mention.start, end: mention.end, kind: entity.type, title})
  }
  for (const date of result.dates) marks.push({start: date.start, end: date.end, kind: 'date', title: dateTitle(date, result.referenceDate)})
  for (const claim of result.claims) {
    const verdict = verdictOf(claim)
    marks.push({
      start: claim.start,
      end: claim.end,
      kind: 'claim',
      title: claimTitle(claim),
      ...(verdict ? {verdict: `⚖ ${verdictName(verdict.verdict)}`} : {})
    })
  }
  return marks.filter((mark) => mark.end > mark.start).sort(byPlace)
}

/**
 * Marks of an older version of a text moved onto a newer one, for the
 * preview to show while the newer is analysed: the text both share before
 * and after the edit is found (common prefix and suffix), marks before the
 * edit stay, marks after it move by what the edit added, marks over it go.
 * @param marks
 *   Marks of `before`.
 * @param before
 *   The text the marks were made on.
 * @param after
 *   The text to show them on.
 * @returns
 *   Marks of `after`.
 */
export function rebaseMarks(marks: readonly Mark[], before: string, after: string): Mark[] {
  if (before === after) return [...marks]
  const most = Math.min(before.length, after.length)
  let prefix = 0
  while (prefix < most && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++
  let suffix = 0
  while (suffix < most - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++
  const changedEnd = before.length - suffix
  const delta = after.length - before.length
  const result: Mark[] = []
  for (const mark of marks) {
    if (mark.end <= prefix) result.push(mark)
    else if (mark.start >= changedEnd) result.push({...mark, start: mark.start + delta, end: mark.end + delta})
  }
  return result
}

/**
 * Marks of a text moved to the offsets of that text as markdown-it parses
 * it: its `normalize` rule turns `\r\n` into `\n` (one character fewer) and
 * a lone `\r` into `\n`.
 * @param text
 *   The document's text.
 * @param marks
 *   Marks of it.
 * @returns
 *   The text as markdown-it sees it, and the marks in it.
 */
export function normalizeSource(text: string, marks: readonly Mark[]): {source: string; marks: Mark[]} {
  if (!text.includes('\r') && !text.includes('\0')) return {source: text, marks: [...marks]}
  const removed: number[] = []
  for (let index = text.indexOf('\r\n'); index >= 0; index = text.indexOf('\r\n', index + 2)) removed.push(index)
  const moved = (offset: number) => offset - firstIndex(removed.length, (index) => removed[index]! >= offset)
  return {
    source: text.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD'),
    marks: marks.map((mark) => ({...mark, start: moved(mark.start), end: moved(mark.end)}))
  }
}

/**
 * The token stream with the marks wrapped around its text: inline tokens
 * whose text a mark covers are copied with new children (`html_inline`
 * spans around pieces of `text`); the tokens given are not changed (VS Code
 * caches them).
 * @param tokens
 *   Block tokens from `md.parse(source, env)`.
 * @param source
 *   The source they were parsed from (as markdown-it normalised it).
 * @param marks
 *   Marks, offsets into `source` (any order).
 * @returns
 *   Tokens to render.
 */
export function highlightTokens<T extends MdToken>(tokens: readonly T[], source: string, marks: readonly Mark[]): T[] {
  if (marks.length === 0) return [...tokens]
  const lines = lineStarts(source)
  const sorted = [...marks].sort(byPlace)
  const context: WrapContext = {marks: sorted, longest: sorted.reduce((most, mark) => Math.max(most, mark.end - mark.start), 0), opened: new Set()}
  let cursor = 0
  // The lines of the last block token with a map: table cells have none,
  // their row has.
  let map: [number, number] = [0, 0]
  return tokens.map((token) => {
    if (token.map) map = token.map
    if (token.type !== 'inline' || !token.children) return token
    const blockStart = lines[map[0]] ?? source.length
    const blockEnd = lines[map[1]] ?? source.length
    cursor = Math.max(cursor, blockStart)
    const children: MdToken[] = []
    let changed = false
    for (const child of token.children) {
      if (child.type === 'text') {
        const offsets = locate(source, child.content, cursor, blockEnd)
        if (!offsets) {
          children.push(child)
          continue
        }
        cursor = offsets[offsets.length - 1]! + 1
        const pieces = wrap(child, offsets, context)
        if (pieces.length !== 1) changed = true
        children.push(...pieces)
      } else {
        // Code, raw HTML and image descriptions are not marked, but they
        // take their place in the source.
        if ((child.type === 'code_inline' || child.type === 'html_inline' || child.type === 'image') && child.content) {
          const index = source.indexOf(child.content, cursor)
          if (index >= 0 && index + child.content.length <= blockEnd) cursor = index + child.content.length
        }
        children.push(child)
      }
    }
    return changed ? clone(token, {children}) : token
  })
}

/**
 * Escape text for HTML, in text and in quoted attribute values.
 * @param text
 *   Any text.
 * @returns
 *   Text that renders as itself.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

/**
 * Where each UTF-16 unit of a text token's content is in the source.
 * @param source
 *   The source.
 * @param content
 *   The token's text.
 * @param from
 *   Where to start looking (where the previous token ended).
 * @param limit
 *   Where its block ends.
 * @returns
 *   Non-decreasing offsets, one per unit of `content`, or `undefined` when
 *   none is found.
 */
function locate(source: string, content: string, from: number, limit: number): number[] | undefined {
  if (content.length === 0) return undefined
  const exact = source.indexOf(content, from)
  if (exact >= 0 && exact + content.length <= limit) return Array.from({length: content.length}, (_, index) => exact + index)
  // Character by character: markup decoded (`&amp;`, `\*`) or replaced
  // (typographer); the first one found anywhere in the block, the others
  // near the one before.
  const offsets: Array<number | undefined> = []
  let position = from
  let found = false
  for (let index = 0; index < content.length; index++) {
    const end = found ? Math.min(limit, position + 16) : limit
    const at = findChar(source, content.charAt(index), position, end)
    if (at === undefined) {
      offsets.push(undefined)
    } else {
      offsets.push(at)
      position = at + 1
      found = true
    }
  }
  if (!found) return undefined
  // A unit not found takes the place of the one before (or after, at the start).
  let last = offsets.find((offset) => offset !== undefined)!
  return offsets.map((offset) => (last = offset ?? last))
}

/** Characters markdown-it's typographer writes, and what the source has. */
const replaced: Record<string, string> = {'“': '"', '”': '"', '‘': "'", '’': "'", '–': '-', '—': '-', '…': '.'}

function findChar(source: string, char: string, from: number, end: number): number | undefined {
  const at = source.indexOf(char, from)
  if (at >= 0 && at < end) return at
  const plain = replaced[char]
  if (plain === undefined) return undefined
  const other = source.indexOf(plain, from)
  return other >= 0 && other < end ? other : undefined
}

/** What wrapping the text tokens of one stream shares. */
interface WrapContext {
  /** All marks, by start. */
  readonly marks: readonly Mark[]
  /** Length of the longest mark. */
  readonly longest: number
  /** Marks already written (their next pieces are no longer their start). */
  readonly opened: Set<Mark>
}

/**
 * A text token as pieces: text where no mark is, spans around text where
 * marks are.
 * @param token
 *   A `text` token.
 * @param offsets
 *   Where each of its units is in the source.
 * @param context
 *   The marks.
 * @returns
 *   Tokens: the same one when no mark covers it.
 */
function wrap(token: MdToken, offsets: readonly number[], context: WrapContext): MdToken[] {
  const {marks, opened} = context
  const first = offsets[0]!
  const last = offsets[offsets.length - 1]!
  const over: Mark[] = []
  // Marks start in order: stop at the first one past this text.
  // Marks are by start: those that start before `first` by more than the
  // longest mark is long cannot reach it.
  for (let index = firstIndex(marks.length, (index) => marks[index]!.start >= first - context.longest); index < marks.length && marks[index]!.start <= last; index++) {
    const mark = marks[index]!
    if (mark.end > first) over.push(mark)
  }
  if (over.length === 0) return [token]
  // Where pieces start: the first unit at or past each start and end.
  const cuts = new Set<number>([0, offsets.length])
  for (const mark of over) {
    cuts.add(firstIndex(offsets.length, (index) => offsets[index]! >= mark.start))
    cuts.add(firstIndex(offsets.length, (index) => offsets[index]! >= mark.end))
  }
  const bounds = [...cuts].sort((a, b) => a - b)
  const pieces: MdToken[] = []
  for (let index = 0; index < bounds.length - 1; index++) {
    const from = bounds[index]!
    const to = bounds[index + 1]!
    if (from === to) continue
    const at = offsets[from]!
    const text = clone(token, {content: token.content.slice(from, to)})
    const active = over.filter((mark) => mark.start <= at && at < mark.end).sort(outerFirst)
    if (active.length === 0) {
      pieces.push(text)
      continue
    }
    const reachesEnd = (mark: Mark) => offsets[to - 1]! + 1 >= mark.end
    active.forEach((mark, depth) => {
      const title = depth === active.length - 1 ? active.map((item) => item.title).reverse().join('\n\n') : mark.title
      pieces.push(html(token, open(mark, title, !opened.has(mark), reachesEnd(mark))))
      opened.add(mark)
    })
    pieces.push(text)
    for (let depth = active.length - 1; depth >= 0; depth--) pieces.push(html(token, '</span>'))
  }
  return pieces
}

/**
 * The opening tag of a mark's piece.
 * @param mark
 *   The mark.
 * @param title
 *   Tooltip of the piece.
 * @param start
 *   Whether the piece is the mark's first.
 * @param end
 *   Whether it is its last.
 * @returns
 *   HTML.
 */
function open(mark: Mark, title: string, start: boolean, end: boolean): string {
  const classes = ['newsmark', kindClasses[mark.kind]]
  if (mark.kind === 'claim' && start) classes.push('newsmark-claim-start')
  const verdict = mark.verdict && end ? ` data-newsmark-verdict="${escapeHtml(mark.verdict)}"` : ''
  if (verdict) classes.push('newsmark-verdict')
  return `<span class="${classes.join(' ')}" title="${escapeHtml(title)}"${verdict}>`
}

function html(like: MdToken, content: string): MdToken {
  return clone(like, {type: 'html_inline', tag: '', nesting: 0, content, markup: '', info: '', meta: null, attrs: null, children: null, map: null})
}

/**
 * A copy of a token, with its prototype (markdown-it's `Token`, whose
 * methods renderers call).
 */
function clone<T extends MdToken>(token: T, changes: Partial<MdToken>): T {
  return Object.assign(Object.create(Object.getPrototypeOf(token) as object) as T, token, changes)
}

function dateTitle(date: DateTag, referenceDate: string | undefined): string {
  const words = date.type === 'DURATION' ? durationInWords(date.value) : readableValue(date.value)
  const kind = date.type === 'DURATION' ? 'Duration' : date.type === 'TIME' ? 'Time' : date.type === 'SET' ? 'Recurring' : 'Date'
  const lines = [`${kind}: ${date.value}${words && words !== date.value ? ` (${words})` : ''}`]
  if (date.unresolved) lines.push('Not resolved: the article has no date')
  else if (date.relative && referenceDate) lines.push(`Relative to the article date, ${referenceDate}`)
  return lines.join('\n')
}

function claimTitle(claim: Claim): string {
  const lines = [`Claim: ${claimKindName(claim.kind)}`]
  lines.push(claim.speaker ? `Speaker: ${claim.speaker.name}${claim.verb ? ` (${claim.verb})` : ''}` : 'No speaker or source found')
  if (claim.medium) lines.push(`Medium: ${claim.medium}`)
  const verdict = verdictOf(claim)
  if (verdict) lines.push(`Verdict: ${verdictName(verdict.verdict)}${verdict.note ? `: ${truncate(verdict.note, 120)}` : ''}`)
  return lines.join('\n')
}

function byPlace(a: Mark, b: Mark): number {
  return a.start - b.start || b.end - a.end
}

/** Longest first; at equal length a claim outside an entity or date. */
function outerFirst(a: Mark, b: Mark): number {
  return b.end - b.start - (a.end - a.start) || Number(b.kind === 'claim') - Number(a.kind === 'claim')
}

function lineStarts(source: string): number[] {
  const starts = [0]
  for (let index = source.indexOf('\n'); index >= 0; index = source.indexOf('\n', index + 1)) starts.push(index + 1)
  return starts
}
