/**
 * Flags a direct quotation that no one is said to have spoken: a quoted
 * stretch of three words or more that the quotes model gives no source
 * a reader is shown, with no one the model shows speaking (and no speaker
 * the sentence's own attribution finds) in its sentence or the sentences
 * right before and after it in the same paragraph.
 *
 * ## Why
 *
 * Quotation marks promise the exact words of someone. Without a speaker the
 * reader cannot tell whose words they are, whether they were said at all,
 * or whether they are the writer’s own framing.
 *
 * Short quoted names and scare quotes (“East Shield”, “military-technical
 * measures”), quoted titles (“Make America Great Again”, “Push for
 * Tequila”, small words in lower case), a quotation that a word such as
 * “called”, “named” or “translating as” introduces (a name or a meaning, no
 * one's words), and one that opens its paragraph before a dash (a list of
 * named items: “Starter kit” – for …) are left alone. A quotation after a
 * colon that follows a name (“Tomczyk put it bluntly: “…””) counts as
 * attributed.
 *
 * ## Default severity
 *
 * `warning`.
 *
 * ## Fix
 *
 * Say who said it (“…,” Zakharova said), or drop the quotation marks if the
 * words are the writer’s.
 *
 * @example
 *   {"name": "ok.md"}
 *
 *   She said Russia “reserves the right to respond” to what it views as hostile actions.
 *
 *   Deputy Defense Minister Cezary Tomczyk told reporters that the army was ready. “We can deploy mines on any border within 48 hours.”
 *
 *   Tomczyk linked the decision to Poland’s “East Shield” plan.
 *
 *   The festival's name, translating as “to give and receive,” says it all.
 *
 *   A highlight: the “Push for Tequila” button.
 *
 * @example
 *   {"name": "not-ok.md", "label": "input"}
 *
 *   Russia “reserves the right to respond” to what it views as hostile actions.
 *
 * @example
 *   {"name": "not-ok.md", "label": "output"}
 *
 *   1:8-1:39: Unexpected quotation `“reserves the right to respond”` with no speaker, expected an attribution (“…,” she said)
 */
import {Cache} from '../incremental/memory.ts'
import {toSource} from '../prose.ts'
import {shownSource} from '../quotes/reported.ts'
import type {Quote} from '../types.ts'
import type {SentenceInfo} from './context.ts'
import type {Rule} from './rule.ts'
import {code} from './util.ts'

const quotation = /[“"«]([^“”"«»\n]+)[”"»]/g
const word = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu

// The quotations of each block text (the same from one analysis to the next
// for a block an edit did not touch).
const quotationsOf = new Cache<string, ReadonlyArray<number>>(8192)
// Words a title leaves in lower case.
const smallWords: ReadonlySet<string> = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'nor', 'for', 'of', 'to', 'in', 'on', 'at', 'by', 'with', 'from', 'as', 'is', 'vs'])
// Words before a quotation that make it a name or a meaning, not speech.
const namer = /\b(?:called|named|dubbed|titled|entitled|nicknamed|known as|translat(?:es|ed|ing) (?:as|to)|meaning|means|the word|the phrase|the term|the slogan|the motto)[\s,]*$/i

const rule: Rule = {
  id: 'quote-without-speaker',
  severity: 'warning',
  check(context, report) {
    const all = context.sentences
    // The model's quotes whose source a reader is shown.
    const said = (context.result.quotes ?? []).filter((quote) => shownSource(quote))
    // A block's sentences follow each other.
    for (let first = 0, end = 0; first < all.length; first = end) {
      const block = all[first].view.block
      end = first + 1
      while (end < all.length && all[end].view.block === block) end++
      if (block.kind === 'heading') continue
      const found = quotationsOf.get(block.text, findQuotations)
      if (found.length === 0) continue
      const sentences = all.slice(first, end)
      for (let at = 0; at < found.length; at += 2) {
        const from = found[at]
        const to = found[at + 1]
        const index = sentences.findIndex((s) => s.view.start <= from && from < s.view.end)
        if (index < 0) continue
        const last = Math.max(index, sentences.findIndex((s) => s.view.start < to && to <= s.view.end))
        const near = sentences.slice(Math.max(0, index - 1), last + 2)
        const span = toSource(block, from, to)
        // The quotes model gives the quotation a source, or one who speaks
        // in the sentences around it; else the sentences' own attribution
        // (“a tipster said he “…””, where the model's source is no one).
        if (said.some((quote) => quote.start < span.end && span.start < quote.end)) continue
        if (near.some((sentence) => sentence.speaker || said.some((quote) => saysIn(quote, sentence)))) continue
        // “Tomczyk put it bluntly: “…””.
        const before = block.text.slice(sentences[index].view.start, from)
        if (
          /:\s*$/.test(before) &&
          context.speakerSpans.within(sentences[index].start, span.start)
        ) {
          continue
        }

        const text = context.source.slice(span.start, span.end)
        const shown = text.length > 60 ? text.slice(0, 57) + '…' : text
        report({
          ...span,
          actual: text,
          reason: `Unexpected quotation ${code(shown)} with no speaker, expected an attribution (“…,” she said)`
        })
      }
    }
  }
}

/**
 * Whether a quote with a source speaks in a sentence: its source or its
 * words are there.
 *
 * @param quote
 *   Quote with a shown source.
 * @param sentence
 *   Sentence.
 * @returns
 *   Whether it does.
 */
function saysIn(quote: Quote, sentence: SentenceInfo): boolean {
  const source = quote.source!
  return (source.start < sentence.end && sentence.start < source.end) || (quote.start < sentence.end && sentence.start < quote.end)
}

/**
 * The quotations of a block text that may need a speaker: three words or
 * more, and not a title or name (“Make America Great Again”).
 *
 * @param text
 *   Block text.
 * @returns
 *   Start and end of each in the text, flat.
 */
function findQuotations(text: string): ReadonlyArray<number> {
  const found: number[] = []
  for (const match of text.matchAll(quotation)) {
    const words = match[1].match(word) ?? []
    if (words.length < 3 || isTitle(words)) continue
    const end = match.index + match[0].length
    // A name or a meaning (`called “…”`, `translating as “…”`), or an item
    // of a list of named things (`“…” – for …` opening a paragraph).
    if (namer.test(text.slice(Math.max(0, match.index - 24), match.index))) continue
    if (text.slice(0, match.index).trim() === '' && /^\s*[-–—]\s/.test(text.slice(end))) continue
    found.push(match.index, end)
  }

  return found
}

/**
 * Whether quoted words are a title: each capitalised, but for small words
 * after the first (`Push for Tequila`, `The Lord of the Rings`).
 *
 * @param words
 *   Words.
 * @returns
 *   Whether they are.
 */
function isTitle(words: ReadonlyArray<string>): boolean {
  return words.every((item, index) => /^\p{Lu}/u.test(item) || (index > 0 && smallWords.has(item)))
}

export default rule
