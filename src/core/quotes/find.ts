/**
 * Find the quotes of a document: every prose block is tagged by the
 * quotation tagger and its runs linked into quotes (`tagger.ts`); a quote
 * at the start of a block with no cue of its own takes the cue left
 * without content at the end of the block before ("Caddell continued:").
 * Headlines are read too (`Pat Caddell: Democrat Voters Worried …`).
 *
 * Spans are source spans; the source's tokens are kept for resolving it.
 */
import {spanOf, type DocumentView, type SentenceView} from '../document.ts'
import {Cache} from '../incremental/memory.ts'
import type {Perceptron} from '../ml/perceptron.ts'
import type {Span} from '../types.ts'
import {viewBlock, type BlockView} from './features.ts'
import {linkQuotes, mendTags, shippedQuoteModel, tagBlock, type BlockQuote, type TokenRange} from './tagger.ts'

/** A quote found, in source spans. */
export interface FoundQuote {
  start: number
  end: number
  /** Content pieces (more than one for an interrupted quote). */
  parts: Span[]
  kind: BlockQuote['kind']
  cue?: Span
  source?: FoundSource
  /** Index of its block among the document's prose blocks with sentences. */
  block: number
  /** Whether its content starts its block (a paragraph that opens with a quote). */
  opensBlock: boolean
}

/** The source span of a quote, with where it is in its block. */
export interface FoundSource extends Span {
  /** Sentence the source is in. */
  sentence: SentenceView
  /** Token range within that sentence. */
  first: number
  last: number
}

/** A block as the tagger reads it, with its sentences. */
interface Read {
  view: BlockView
  /** The linked quotes (a function of the block's text and the model). */
  quotes: BlockQuote[]
  pending: {cue: TokenRange; source?: TokenRange} | undefined
}

// Of the shipped model, by block text: a block an edit did not touch is not
// tagged again.
const readBlocks = new Cache<string, Read>(4096)

/**
 * Find the quotes of a document.
 *
 * @param document
 *   Text view.
 * @param perceptron
 *   Model (default: the shipped one; another is not cached).
 * @returns
 *   Quotes in document order.
 */
export function findQuotes(document: DocumentView, perceptron?: Perceptron): FoundQuote[] {
  // Sentences of each block, in order.
  const byBlock = new Map<DocumentView['blocks'][number], SentenceView[]>()
  for (const sentence of document.sentences) {
    const list = byBlock.get(sentence.block)
    if (list) list.push(sentence)
    else byBlock.set(sentence.block, [sentence])
  }

  const found: FoundQuote[] = []
  let pending: {cue?: Span; source?: FoundSource} | undefined
  let blockIndex = -1
  for (const [block, sentences] of byBlock) {
    blockIndex++
    const read = perceptron
      ? readBlock(sentences, perceptron)
      : readBlocks.get(block.text, () => readBlock(sentences, shippedQuoteModel()))
    const {view} = read
    // Token index in the block of each sentence's first token.
    const offsets: number[] = []
    let count = 0
    for (const sentence of sentences) {
      offsets.push(count)
      count += sentence.tokens.length
    }

    const span = ([first, last]: TokenRange): Span =>
      spanOf(document, block, view.tokens[first].start, view.tokens[last - 1].end)
    const source = ([first, last]: TokenRange): FoundSource => {
      const at = view.sentenceOf[first]
      // A source the tagger ran on past its sentence's end (`said Sen. Ann
      // Roe (D-Pa.), a backer …` split after the parenthesis) keeps its
      // span; its tokens, read in that sentence, stop at the sentence's end.
      const end = Math.min(last - offsets[at], sentences[at].tokens.length)
      return {...span([first, last]), sentence: sentences[at], first: first - offsets[at], last: end}
    }

    for (const [index, quote] of read.quotes.entries()) {
      const parts = quote.parts.map(span)
      const result: FoundQuote = {
        start: parts[0].start,
        end: parts.at(-1)!.end,
        parts,
        kind: quote.kind,
        block: blockIndex,
        opensBlock: quote.parts[0][0] === 0
      }
      if (quote.cue) result.cue = span(quote.cue)
      if (quote.source) result.source = source(quote.source)
      // Carried on from the block before.
      if (index === 0 && !quote.cue && pending && view.sentenceOf[quote.parts[0][0]] === 0) {
        if (pending.cue) result.cue = pending.cue
        if (pending.source) result.source = pending.source
      }

      found.push(result)
    }

    pending = read.pending
      ? {cue: span(read.pending.cue), ...(read.pending.source ? {source: source(read.pending.source)} : {})}
      : undefined
  }

  return found
}

/**
 * Tag and link one block.
 *
 * @param sentences
 *   Its sentences.
 * @param perceptron
 *   Model.
 * @returns
 *   What was read.
 */
function readBlock(sentences: ReadonlyArray<SentenceView>, perceptron: Perceptron): Read {
  const view = blockView(sentences)
  const {quotes, pending} = linkQuotes(view, mendTags(view, tagBlock(perceptron, view)))
  return {view, quotes, pending}
}

/**
 * The tagger's view of a block from its sentences.
 *
 * @param sentences
 *   Sentences of one block, in order.
 * @returns
 *   Block view.
 */
export function blockView(sentences: ReadonlyArray<SentenceView>): BlockView {
  const tokens = sentences.flatMap((sentence) => sentence.tokens)
  const ranges: Array<{first: number; last: number}> = []
  let first = 0
  for (const sentence of sentences) {
    ranges.push({first, last: first + sentence.tokens.length})
    first += sentence.tokens.length
  }

  return viewBlock(tokens, ranges)
}
