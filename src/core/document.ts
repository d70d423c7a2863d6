/**
 * The text view of one Markdown document that every tagger shares: prose
 * blocks, their tokens and their sentences, with helpers to turn block
 * offsets into source spans.
 */
import type {Root} from 'mdast'
import {Cache, type SentenceMemo} from './incremental/memory.ts'
import {proseBlocks, type ProseBlock} from './prose.ts'
import {splitSentences} from './text/sentences.ts'
import {tokenize, type Token} from './text/tokenize.ts'
import type {Span} from './types.ts'

/** One sentence of a block. */
export interface SentenceView {
  /** Index of the sentence in the document. */
  index: number
  block: ProseBlock
  /** Tokens (offsets into `block.text`). */
  tokens: ReadonlyArray<Token>
  /** Start offset in `block.text`. */
  start: number
  /** End offset in `block.text`. */
  end: number
  /** The sentence text (`block.text.slice(start, end)`). */
  text: string
  /** What the steps that read it kept for its text (see `SentenceSlot`). */
  memo: SentenceMemo
}

/** The text view of a document. */
export interface DocumentView {
  source: string
  blocks: ReadonlyArray<ProseBlock>
  sentences: ReadonlyArray<SentenceView>
}

/**
 * Build the text view of a document.
 *
 * @param tree
 *   mdast tree with positions.
 * @param source
 *   Markdown source.
 * @returns
 *   Document view.
 */
export function viewDocument(tree: Root, source: string): DocumentView {
  return viewBlocks(proseBlocks(tree, source), source)
}

/**
 * Build the text view of plain text (not Markdown): every run of text
 * between blank lines is a block, with offsets as they are.
 *
 * @param source
 *   Plain text.
 * @returns
 *   Document view.
 */
export function viewText(source: string): DocumentView {
  const blocks: ProseBlock[] = []
  const pattern = /\S(?:[^\n]|\n(?![ \t]*\r?\n))*/g
  for (const match of source.matchAll(pattern)) {
    const text = match[0]
    const map = new Int32Array(text.length)
    const ends = new Int32Array(text.length)
    for (let index = 0; index < text.length; index++) {
      map[index] = match.index + index
      ends[index] = match.index + index + 1
    }

    blocks.push({text, map, ends, base: 0, kind: 'paragraph'})
  }

  return viewBlocks(blocks, source)
}

/**
 * Split blocks into tokens and sentences.
 *
 * @param blocks
 *   Prose blocks.
 * @param source
 *   Source.
 * @returns
 *   Document view.
 */
function viewBlocks(blocks: ProseBlock[], source: string): DocumentView {
  const sentences: SentenceView[] = []
  for (const block of blocks) {
    for (const sentence of blockSentences.get(block.text, splitBlock)) {
      sentences.push({
        index: sentences.length,
        block,
        tokens: sentence.tokens,
        start: sentence.start,
        end: sentence.end,
        text: sentence.text,
        memo: sentence.memo
      })
    }
  }

  return {source, blocks, sentences}
}

/** A sentence of a block text, as `splitBlock` finds it. */
interface BlockSentence {
  /** Tokens (offsets into the block text; shared: never changed). */
  tokens: ReadonlyArray<Token>
  start: number
  end: number
  text: string
  /** Kept with the sentence (`SentenceView.memo`). */
  memo: SentenceMemo
}

// The sentences of a block are a function of its text: a block an edit did
// not touch is not tokenised again (and its token arrays stay the same
// objects, which the per-sentence caches downstream key on).
const blockSentences = new Cache<string, ReadonlyArray<BlockSentence>>(8192)

/**
 * Tokenise a block text and split it into sentences.
 *
 * @param text
 *   Block text.
 * @returns
 *   Sentences.
 */
function splitBlock(text: string): ReadonlyArray<BlockSentence> {
  const tokens = tokenize(text)
  return splitSentences(tokens).map((sentence) => ({
    tokens: tokens.slice(sentence.first, sentence.last),
    start: sentence.start,
    end: sentence.end,
    text: text.slice(sentence.start, sentence.end),
    memo: []
  }))
}

/**
 * A source span for a range of block text.
 *
 * @param document
 *   Document.
 * @param block
 *   Block.
 * @param start
 *   Start in `block.text`.
 * @param end
 *   End in `block.text`.
 * @returns
 *   Span with source offsets and source text.
 */
export function spanOf(
  document: DocumentView,
  block: ProseBlock,
  start: number,
  end: number
): Span {
  // As `toSource`, without the intermediate object.
  const from = block.base + block.map[start]
  const to = block.base + block.ends[end - 1]
  return {start: from, end: to, text: document.source.slice(from, to)}
}
