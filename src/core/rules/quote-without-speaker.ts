/**
 * Flags a direct quotation that no one is said to have spoken: a quoted
 * stretch of three words or more with no speaker in its sentence or the
 * sentences right before and after it in the same paragraph.
 *
 * ## Why
 *
 * Quotation marks promise the exact words of someone. Without a speaker the
 * reader cannot tell whose words they are, whether they were said at all,
 * or whether they are the writer’s own framing.
 *
 * Short quoted names and scare quotes (“East Shield”, “military-technical
 * measures”) and quoted titles (“Make America Great Again”) are left alone. A quotation after a colon that follows a
 * name (“Tomczyk put it bluntly: “…””) counts as attributed.
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
import {toSource} from '../prose.ts'
import type {SentenceInfo} from './context.ts'
import type {Rule} from './rule.ts'
import {code} from './util.ts'

const quotation = /[“"«]([^“”"«»\n]+)[”"»]/g
const word = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu

const rule: Rule = {
  id: 'quote-without-speaker',
  severity: 'warning',
  check(context, report) {
    const byBlock = new Map<SentenceInfo['view']['block'], SentenceInfo[]>()
    for (const sentence of context.sentences) {
      const list = byBlock.get(sentence.view.block) ?? []
      list.push(sentence)
      byBlock.set(sentence.view.block, list)
    }

    for (const [block, sentences] of byBlock) {
      if (block.kind === 'heading') continue
      for (const match of block.text.matchAll(quotation)) {
        const words = match[1].match(word) ?? []
        // Three words at least, and not a title or name (“Make America Great Again”).
        if (words.length < 3 || words.every((item) => /^\p{Lu}/u.test(item))) continue
        const from = match.index
        const to = from + match[0].length
        const index = sentences.findIndex((s) => s.view.start <= from && from < s.view.end)
        if (index < 0) continue
        const last = Math.max(index, sentences.findIndex((s) => s.view.start < to && to <= s.view.end))
        const near = sentences.slice(Math.max(0, index - 1), last + 2)
        if (near.some((sentence) => sentence.speaker)) continue
        const span = toSource(block, from, to)
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

export default rule
