/**
 * Flags a statistic or quantity in a sentence that attributes it to no one:
 * “thousands of people”, “25 times”, “$60 billion”, “8%”, “300 soldiers”.
 *
 * ## Why
 *
 * Numbers carry authority and are easy to get wrong, inflate or take out of
 * context. A number the article does not source cannot be traced; a reader
 * should know who counted.
 *
 * A sentence is sourced when it has a speaker (“…, Tomczyk said”,
 * “according to the UN”), a link or footnote, or a cue such as “a report
 * by”. Dates and durations (“1997”, “48 hours”), years, clock times,
 * ordinals, names with numbers (“Article 5”) and number words without a
 * unit (“one of them”) are no statistics. Headings and table cells are
 * left out, and so are articles whose genre attributes nothing by custom
 * (a game story's scores, a recipe's quantities: see `unattributed-claim`).
 *
 * ## Default severity
 *
 * `warning`.
 *
 * ## Fix
 *
 * Say where the number comes from (“…, according to Landmine Monitor”) or
 * link to it.
 *
 * @example
 *   {"name": "ok.md"}
 *
 *   According to him, output will rise by 25 times in the coming period.
 *
 *   The treaty was adopted in 1997 and took effect within 48 hours of the vote.
 *
 *   Landmines have killed [thousands of people](https://example.com/monitor) since then.
 *
 * @example
 *   {"name": "not-ok.md", "label": "input"}
 *
 *   As a result, they have killed or injured thousands of people long after wars ended.
 *
 *   Output will rise by 25 times in the coming period.
 *
 * @example
 *   {"name": "not-ok.md", "label": "output"}
 *
 *   1:42-1:61: Unexpected number `thousands of people` with no source, expected an attribution (“according to …”) or a link
 *   3:21-3:29: Unexpected number `25 times` with no source, expected an attribution (“according to …”) or a link
 */
import {expectsAttribution} from '../genre.ts'
import type {Rule} from './rule.ts'
import {SpanIndex} from './span-index.ts'
import {code, quantitiesOf} from './util.ts'

// Words before a number that make it part of a name or a reference.
const labels: ReadonlySet<string> = new Set([
  'article', 'section', 'chapter', 'paragraph', 'no.', 'number', 'page', 'point', 'phase', 'round', 'level', 'grade',
  'stage', 'resolution', 'amendment', 'flight', 'route', 'highway', 'room', 'category', 'class', 'type', 'version',
  'model', 'item', 'line', 'step', 'part', 'volume', 'vol.', 'p.', 'pp.', 'no', 'seat', 'district', 'gate', 'block', 'act'
])

const rule: Rule = {
  id: 'unsourced-number',
  severity: 'warning',
  check(context, report) {
    if (!expectsAttribution(context.kind.genre)) return
    const dates = new SpanIndex(context.result.dates)
    for (const sentence of context.sentences) {
      if (sentence.speaker || sentence.cited || sentence.heading || sentence.table) continue
      const tokens = sentence.tokens
      for (const quantity of quantitiesOf(sentence)) {
        if (quantity.year) continue
        const start = tokens[quantity.first].start
        const end = tokens[quantity.last - 1].end
        if (dates.overlaps(start, end)) continue
        const before = tokens[quantity.first - 1]
        if (before && (labels.has(before.lower) || (/^\p{Lu}/u.test(before.text) && quantity.first > 1 && !quantity.unit))) {
          continue
        }

        const text = context.source.slice(start, end)
        report({
          start,
          end,
          actual: text,
          reason: `Unexpected number ${code(text)} with no source, expected an attribution (“according to …”) or a link`
        })
      }
    }
  }
}

export default rule
