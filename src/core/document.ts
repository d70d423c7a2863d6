/**
 * The text view of one Markdown document that every tagger shares: prose
 * blocks, their tokens and their sentences, with helpers to turn block
 * offsets into source spans.
 */
import type {Root} from 'mdast'
import {proseBlocks, toSource, type ProseBlock} from './prose.ts'
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
  const blocks = proseBlocks(tree, source)
  const sentences: SentenceView[] = []
  for (const block of blocks) {
    const tokens = tokenize(block.text)
    for (const sentence of splitSentences(tokens)) {
      sentences.push({
        index: sentences.length,
        block,
        tokens: tokens.slice(sentence.first, sentence.last),
        start: sentence.start,
        end: sentence.end,
        text: block.text.slice(sentence.start, sentence.end)
      })
    }
  }

  return {source, blocks, sentences}
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
  const range = toSource(block, start, end)
  return {...range, text: document.source.slice(range.start, range.end)}
}
