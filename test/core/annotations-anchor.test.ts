import assert from 'node:assert/strict'
import fs from 'node:fs'
import test from 'node:test'
import fc from 'fast-check'
import {analyzeSync} from '../../src/core/analyze.ts'
import {
  createAnchoring,
  mergeEntities,
  parseSidecar,
  reanchor,
  serializeSidecar,
  tagSelection,
  type Annotation
} from '../../src/core/annotations/index.ts'
import {snapOffset} from '../../src/core/annotations/positions.ts'
import {cpuTime, leastCpuTime, tryMeasure} from './cpu-time.ts'
import {findRange} from './find-range.ts'

const source = fs.readFileSync('examples/poland-ottawa.md', 'utf8')
const result = analyzeSync(source).data.newsmark!
const now = '2026-01-20T10:00:00.000Z'

function at(text: string, nth = 0, value = source) {
  return findRange(value, text, nth)
}

function tag(text: string, nth = 0): Annotation {
  return tagSelection(source, at(text, nth), 'MISC', {now, id: `urn:x:${text}:${nth}`})
}

test('anchor: unchanged text anchors every annotation by position', () => {
  const list = [tag('Poland'), tag('Poland', 5), tag('25 times'), tag('East Shield')]
  const {anchored, orphans} = reanchor(source, list)
  assert.deepEqual(orphans, [])
  assert.deepEqual(anchored.map((item) => item.method), ['position', 'position', 'position', 'position'])
  assert.deepEqual(anchored.map((item) => item.annotation), list)
})

test('anchor: text added before moves annotations by quote, to the right occurrence', () => {
  const list = [tag('Poland', 3), tag('Poland', 7)]
  const edited = '# Update\n\nPoland, Poland, Poland.\n' + source
  const {anchored} = reanchor(edited, list)
  assert.deepEqual(anchored.map((item) => item.method), ['quote', 'quote'])
  const shift = edited.length - source.length
  assert.deepEqual(
    anchored.map((item) => item.annotation.target.start),
    list.map((item) => item.target.start + shift)
  )
})

test('anchor: a changed quote is found fuzzily and reported as such', () => {
  const list = [tag('output will rise by 25 times in the coming period')]
  const edited = source.replace('output will rise by 25 times', 'output will rise by 30 times')
  const {anchored, orphans} = reanchor(edited, list)
  assert.deepEqual(orphans, [])
  assert.equal(anchored[0]!.method, 'fuzzy')
  assert.equal(anchored[0]!.errors, 2)
  assert.equal(anchored[0]!.previous, 'output will rise by 25 times in the coming period')
  assert.equal(anchored[0]!.annotation.target.exact, 'output will rise by 30 times in the coming period')
  assert.deepEqual(reanchor(edited, list, {maxErrorRate: 0}).orphans.length, 1, 'fuzzy matching can be turned off')
  assert.throws(() => reanchor(edited, list, {maxErrorRate: 2}), /expected a number from 0 up to/)
})

test('anchor: removed text makes an orphan, with a reason', () => {
  const list = [tag('Kaliningrad Region'), tag('Bydgoszcz')]
  const edited = source.replace('Kaliningrad Region', 'the exclave')
  const {anchored, orphans} = reanchor(edited, list)
  assert.deepEqual(anchored.map((item) => item.annotation.id), ['urn:x:Bydgoszcz:0'])
  assert.deepEqual(orphans.map((item) => [item.annotation.id, item.reason]), [
    ['urn:x:Kaliningrad Region:0', 'quote not found: “Kaliningrad Region”']
  ])
})

test('anchor: a short quote needs its context to match fuzzily', () => {
  const list = [tag('BELMA')]
  const {orphans} = reanchor(source.replace('BELMA', 'BELMO').replace('state-owned', 'public'), list)
  assert.equal(orphans.length, 0, 'context on one side still matches')
  const elsewhere = source.replace('the state-owned BELMA plant in', 'a factory in').replace('Bydgoszcz', 'Bydgoszcz (BELMO)')
  assert.equal(reanchor(elsewhere, list).orphans.length, 1, 'no context: orphan rather than a guess')
})

test('anchor: a merge needs both of its mentions', () => {
  const merge = mergeEntities(source, at('Warsaw'), at('Kremlin'), {now, id: 'urn:x:merge'})
  assert.equal(reanchor(source, [merge]).anchored.length, 1)
  const {orphans} = reanchor(source.replace('Kremlin', 'Russian government'), [merge])
  assert.deepEqual(orphans.map((item) => item.reason), ['merge target not found: “Kremlin”'])
})

test('anchor: astral characters added before annotations (sidecar in code points)', () => {
  const list = [tag('Cezary Tomczyk'), tag('Finland')]
  const sidecar = serializeSidecar(list, source, 'poland-ottawa.md')
  const edited = source.replace('# Poland', '# 🇵🇱 Poland 😀')
  const {annotations, problems} = parseSidecar(sidecar, edited)
  assert.deepEqual(problems, [])
  const {anchored, orphans} = reanchor(edited, annotations)
  assert.deepEqual(orphans, [])
  for (const item of anchored) {
    const {start, end, exact} = item.annotation.target
    assert.equal(edited.slice(start, end), exact)
  }
})

interface Edit {
  at: number
  remove: number
  insert: string
}

const fragments = ['Poland', 'Poland’s', ' the ', 'Tomczyk said', '25 times', '\n\n', '😀', '🇵🇱', 'NATO', ',']
const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({min: 0, max: 1, noNaN: true, maxExcluded: true}),
  remove: fc.oneof(fc.constant(0), fc.integer({min: 1, max: 8}), fc.integer({min: 9, max: 120})),
  insert: fc.oneof(
    fc.constant(''),
    fc.string({maxLength: 12}),
    fc.constantFrom(...fragments),
    fc.array(fc.constantFrom(...fragments), {maxLength: 3}).map((parts) => parts.join(''))
  )
})

/** Annotations on the sample: every date, claim and first mention, plus a few odd spans. */
function sampleAnnotations(): Annotation[] {
  const spans = [
    ...result.dates,
    ...result.claims,
    ...result.entities.map((entity) => entity.mentions[0]!),
    at('a'),
    at('landmines. The'),
    at('“East Shield”')
  ]
  return spans.map((span, index) => tagSelection(source, span, 'MISC', {now, id: `urn:x:${index}`}))
}

/** Apply edits, tracking where each span goes and whether it or its context was touched. */
function applyEdits(text: string, annotations: ReadonlyArray<Annotation>, edits: ReadonlyArray<Edit>) {
  const spans = annotations.map((annotation) => ({
    start: annotation.target.start,
    end: annotation.target.end,
    before: annotation.target.prefix.length,
    after: annotation.target.suffix.length,
    touched: false,
    near: false
  }))
  for (const {at: where, remove, insert} of edits) {
    let start = Math.floor(where * (text.length + 1))
    if (isLow(text, start)) start++
    let end = Math.min(text.length, start + remove)
    if (isLow(text, end)) end++
    text = text.slice(0, start) + insert + text.slice(end)
    const delta = insert.length - (end - start)
    for (const span of spans) {
      if (start < span.end && end > span.start) span.touched = true
      if (start <= span.end + span.after && end >= span.start - span.before) span.near = true
      if (end <= span.start) {
        span.start += delta
        span.end += delta
      } else if (start >= span.end) {
        // After the span: nothing moves.
      } else {
        span.end = Math.max(span.start, span.end + delta)
      }
    }
  }

  return {text, spans}
}

function isLow(text: string, index: number): boolean {
  const code = text.charCodeAt(index)
  return code >= 0xdc00 && code <= 0xdfff
}

function distance(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    }

    previous = row
  }

  return previous[b.length]!
}

test('anchor (property): random edits of the sample never lose an annotation', () => {
  const annotations = sampleAnnotations()
  fc.assert(
    fc.property(fc.array(edit, {minLength: 1, maxLength: 8}), (edits) => {
      const {text, spans} = applyEdits(source, annotations, edits)
      const {anchored, orphans} = reanchor(text, annotations)
      assert.equal(anchored.length + orphans.length, annotations.length, 'count is preserved')
      const ids = [...anchored, ...orphans].map((item) => item.annotation.id).sort()
      assert.deepEqual(ids, annotations.map((item) => item.id).sort(), 'each annotation exactly once')

      for (const item of anchored) {
        const index = annotations.findIndex((annotation) => annotation.id === item.annotation.id)
        const original = annotations[index]!.target.exact
        const {start, end, exact, prefix, suffix} = item.annotation.target
        assert.equal(text.slice(start, end), exact, 'the new selectors describe the new text')
        assert.equal(text.slice(Math.max(0, start - prefix.length), start), prefix)
        assert.equal(text.slice(end, end + suffix.length), suffix)
        if (item.method === 'fuzzy') {
          assert.ok(distance(original, exact) <= Math.floor(original.length * 0.2), `close match: “${original}” → “${exact}”`)
        } else {
          assert.equal(exact, original, `${item.method} match has the same text`)
        }

        const span = spans[index]!
        if (!span.near) assert.deepEqual([start, end], [span.start, span.end], `untouched “${original}” stays in place`)
      }

      for (const orphan of orphans) {
        const index = annotations.findIndex((annotation) => annotation.id === orphan.annotation.id)
        assert.ok(spans[index]!.touched, `only an edited annotation can be an orphan: “${orphan.annotation.target.exact}”`)
        assert.equal(orphan.annotation, annotations[index], 'orphans are returned unchanged')
      }
    }),
    {numRuns: 150}
  )
})

test('anchor (property): an orphan looked for again after edits is found as a first search finds it', () => {
  // Orphans are looked for again only where the text changed since: the
  // result must be that of a search of the whole text.
  const quotes = ['Warsaw set up a fund for the plant', 'Tomczyk', 'the convention bans anti-personnel mines outright']
  const pieces = [...quotes, 'Warsaw set up a fnd for the plant', 'the convention bans anti-personel mines', 'Tomczk', ' ', 'a', '😀']
  const orphans = quotes.map((exact, index): Annotation => ({
    id: `urn:x:orphan:${index}`,
    kind: 'tag',
    type: 'MISC',
    target: {start: 40 * index, end: 40 * index + exact.length, exact, prefix: 'Radio Zet: ', suffix: ' today.'}
  }))
  const step = fc.record({at: fc.nat(), remove: fc.nat({max: 40}), insert: fc.constantFrom(...pieces, '')})
  fc.assert(
    fc.property(fc.array(step, {minLength: 1, maxLength: 6}), (steps) => {
      const anchoring = createAnchoring()
      const texts: string[] = []
      let text = source
      for (const {at, remove, insert} of steps) {
        const start = at % (text.length + 1)
        text = text.slice(0, start) + insert + text.slice(start + remove)
        texts.push(text)
      }

      const warm = texts.map((value) => anchoring.reanchor(value, orphans))
      for (const [index, value] of texts.entries()) {
        assert.deepEqual(warm[index], reanchor(value, orphans), `after edit ${index + 1}`)
      }
    }),
    {numRuns: 60}
  )
})

/**
 * An article of about `size` characters (astral ones among them) and `count`
 * annotations spread over it.
 *
 * @param size
 *   Characters.
 * @param count
 *   Annotations.
 * @returns
 *   Article and annotations.
 */
function article(size: number, count: number): {text: string; annotations: Annotation[]} {
  let text = ''
  for (let index = 0; text.length < size; index++) {
    text += `Paragraph ${index}: Poland will leave the Ottawa Convention on February 20 😀, said Cezary Tomczyk.\n\n`
  }

  const annotations = Array.from({length: count}, (_, index) => {
    // Not inside a surrogate pair.
    const start = snapOffset(text, Math.floor((index * text.length) / count), 1)
    return tagSelection(text, {start, end: snapOffset(text, start + 20, -1)}, 'MISC', {now, id: `urn:x:${index}`})
  })
  return {text, annotations}
}

test('anchor: saving, loading and anchoring a sidecar take time linear in it', (t) => {
  // Each offset was converted by a scan of the article: 1,000 annotations
  // on 1 MB took 4.6 s to save and 1.7 s to load, and an unchanged
  // annotation of a repeated quote scored every occurrence (1.9 s).
  const inputs = [article(250_000, 250), article(1_000_000, 1000)]
  const tried = tryMeasure(2, (attempt) => {
    const times = inputs.map(({text, annotations}) =>
      leastCpuTime(() => {
        const json = serializeSidecar(annotations, text, 'a.md')
        const loaded = parseSidecar(json, text)
        assert.equal(loaded.annotations.length, annotations.length)
        assert.equal(reanchor(text, loaded.annotations).anchored.length, annotations.length)
      }, attempt === 1 ? 3 : 5)
    )
    const growth = times[1]! / times[0]!
    return {
      failures: growth > 8 ? [`4× the article and annotations took ${growth.toFixed(1)}× the time`] : [],
      line: `${times.map((time) => time.toFixed(1)).join(' / ')} ms of CPU for 250 / 1,000 annotations on 0.25 / 1 MB`
    }
  })
  for (const line of tried.lines.length > 1 ? tried.lines : []) t.diagnostic(line)
  assert.deepEqual(tried.failures, [], tried.lines.join('\n'))
})

test('anchor: orphans looked for again after an edit cost a fraction of the first search', (t) => {
  // Long quotes found nowhere were searched for fuzzily in the whole
  // article on every review (100 on 1 MB: 3 to 10 s on the editor's thread).
  const {text} = article(200_000, 0)
  const orphans = Array.from({length: 10}, (_, index): Annotation => {
    const exact = `Quote ${index} that is nowhere in the article. `.repeat(10)
    return {id: `urn:x:o${index}`, kind: 'tag', type: 'CLAIM', target: {start: 0, end: exact.length, exact, prefix: '', suffix: ''}}
  })
  const tried = tryMeasure(2, () => {
    const anchoring = createAnchoring()
    const first = cpuTime(() => assert.equal(anchoring.reanchor(text, orphans).orphans.length, 10))
    let edited = text
    const again = leastCpuTime(() => {
      edited = edited.slice(0, 100_000) + 'x' + edited.slice(100_000)
      assert.equal(anchoring.reanchor(edited, orphans).orphans.length, 10)
    }, 3)
    return {
      failures: again * 4 > first ? [`after an edit: ${(again / first).toFixed(2)}× the first search`] : [],
      line: `first search ${first.toFixed(1)} ms, after an edit ${again.toFixed(1)} ms of CPU`
    }
  })
  for (const line of tried.lines.length > 1 ? tried.lines : []) t.diagnostic(line)
  assert.deepEqual(tried.failures, [], tried.lines.join('\n'))
})
