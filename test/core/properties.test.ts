/**
 * Property-based tests: whatever the input, analysis never throws and every
 * span it reports lies inside the document and names its own text.
 */
import assert from 'node:assert/strict'
import test from 'node:test'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {analyzeSync, analyzeText} from '../../src/core/analyze.ts'

const pieces = [
  'Poland', 'Cezary Tomczyk', ' said', ' next month', ' on February 20', '.', ' ', '\n', '\r\n', '\n\n',
  '**', '_', '`', '[', '](https://x.org)', '> ', '- ', '1. ', '| a | b |\n| - | - |\n', '---\n', 'date: 2026-01-16\n',
  '“', '”', '"', "'s", '’s', '😀', '𝒳', '\u0000', '&amp;', '\\*', '<b>', '</b>', ':person[', ']{role=x}',
  '25 times', '48 hours', 'last week', 'Gen.', 'U.S.', '...', '#', '   ', '\t',
  ' that', ' the same', ' the', ' year', ' ago', ' a', ' fifth', ' every', ' since', ' until', ' early', ' 1997', ' $35', ' billion',
  // The shapes of issue 19: directives, runs of `]`, passives, dates.
  ':::a\n', '::a[b]\n', ':claim[x]{verdict=false}', ':place', ']]]]', '](https://x.org)', '[^1]', '[^1]: note\n',
  ' was reported by NATO', ' will leave on February 20,', ' next month', ' Friday', '&#35;', 'https://x.org'
]

const markdownish = fc
  .array(fc.oneof(fc.constantFrom(...pieces), fc.string(), fc.string({unit: 'binary', maxLength: 8})), {maxLength: 60})
  .map((parts) => parts.join(''))

function checkSpans(source: string, file: ReturnType<typeof analyzeSync>) {
  const data = file.data.newsmark!
  const spans = [
    ...data.dates,
    ...data.claims,
    ...data.entities.flatMap((entity) => entity.mentions)
  ]
  for (const span of spans) {
    assert.ok(span.start >= 0 && span.end <= source.length && span.start < span.end, `${span.start}-${span.end}`)
    assert.equal(source.slice(span.start, span.end), span.text)
  }

  for (const message of file.messages) {
    const place = message.place
    if (place && 'start' in place) {
      assert.ok((place.start.offset ?? 0) >= 0)
      assert.ok((place.end.offset ?? 0) <= source.length)
    }
  }
}

test('properties: Markdown analysis never throws and spans name their text', () => {
  fc.assert(
    fc.property(markdownish, (source) => {
      checkSpans(source, analyzeSync(source, {referenceDate: '2026-01-16'}))
    }),
    {numRuns: 300, seed: 2026}
  )
})

test('properties: plain-text analysis never throws and spans name their text', () => {
  fc.assert(
    fc.property(markdownish, (source) => {
      checkSpans(source, analyzeText(source))
    }),
    {numRuns: 200, seed: 7}
  )
})

test('properties: deeply nested lists and quotes, long lines', () => {
  const nested = Array.from({length: 200}, (_, depth) => '  '.repeat(depth) + '- Poland said\n').join('')
  const quotes = '> '.repeat(300) + 'Tomczyk said next month.\n'
  const long = 'Poland said 25 times. '.repeat(5000)
  for (const source of [nested, quotes, long]) {
    checkSpans(source, analyzeSync(source, {referenceDate: '2026-01-16'}))
  }
})

test('properties: markup nested deeper than a recursive walk has stack for', () => {
  // 10,000 levels: `unist-util-visit` and any recursive walk overflow the
  // stack; the analysis, an edit after it and the comment rules must not.
  const deep = '> '.repeat(10_000) + 'Tomczyk claimed it next month.\n'
  const source = '<!-- newsmark disable loaded-verb -->\n\nPoland said so.\n\nThe talks went on.\n\n' + deep + '\nThe end came on Friday.\n'
  const file = analyzeSync(new VFile({path: 'deep.md', value: source}))
  checkSpans(source, file)
  assert.ok(file.messages.some((message) => message.ruleId === 'newsmark-comment'), 'the comment could not be read: said so')
  const edited = source.replace('Poland said', 'Poland says')
  checkSpans(edited, analyzeSync(new VFile({path: 'deep.md', value: edited})))
})

test('properties: reference dates at the ends of the calendar give four-digit years', () => {
  // Date.UTC read the years 0–99 as 1900–1999; 9999-12-31 and "next month"
  // gave `10000-0`.
  fc.assert(
    fc.property(markdownish, fc.constantFrom('0000-01-01', '0050-06-15', '0099-12-31', '9999-12-31'), (source, referenceDate) => {
      const file = analyzeSync(source, {referenceDate})
      checkSpans(source, file)
      for (const date of file.data.newsmark!.dates) {
        assert.doesNotMatch(date.value, /^(?:\d{5}|-)/, `${date.text}: ${date.value}`)
        // Resolved against a year before 100, not in the 1900s.
        if (date.relative && referenceDate < '0100') assert.doesNotMatch(date.value, /^19\d\d/, `${date.text}: ${date.value}`)
      }
    }),
    {numRuns: 150, seed: 19}
  )
})
