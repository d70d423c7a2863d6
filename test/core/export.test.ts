import assert from 'node:assert/strict'
import fs from 'node:fs'
import test from 'node:test'
import {analyzeSync} from '../../src/core/analyze.ts'
import {
  applyAnnotations,
  mergeEntities,
  reanchor,
  rejectTag,
  setVerdict,
  tagSelection,
  type Annotation
} from '../../src/core/annotations/index.ts'
import * as exporters from '../../src/core/export/index.ts'
import {sourcesOf} from '../../src/core/quotes/sources.ts'
import {articleMeta, csvColumns, exportArticle, exportArticles, timelineKey, type ArticleExport} from '../../src/core/export/index.ts'

// An astral character before everything: code point and UTF-16 positions differ.
const source = fs.readFileSync('examples/poland-ottawa.md', 'utf8').replace('# Poland', '# 🇵🇱 Poland')
const points = [...source]
const result = analyzeSync(source).data.newsmark!
const reader = {type: 'Person' as const, name: 'Ada Reader'}
const now = '2026-01-20T10:00:00.000Z'

function at(text: string, value = source) {
  const start = value.indexOf(text)
  assert.ok(start >= 0, `“${text}” is in the text`)
  return {start, end: start + text.length}
}

function annotations(): Annotation[] {
  let list: Annotation[] = [
    tagSelection(source, at('BELMA plant'), 'ORG', {creator: reader, now, id: 'urn:uuid:1'}),
    rejectTag(source, at('East Shield'), {type: 'MISC', creator: reader, now, id: 'urn:uuid:2'}),
    mergeEntities(source, at('Warsaw'), at('Poland'), {creator: reader, now, id: 'urn:uuid:3'})
  ]
  list = setVerdict(list, source, at('European governments use these claims'), 'unverifiable', {
    source: 'https://example.org/belma',
    note: 'No figures, "yet".',
    creator: reader,
    now,
    id: 'urn:uuid:4'
  })
  list = setVerdict(list, source, at('Poland will exit the treaty on February 20'), 'true', {creator: reader, now, id: 'urn:uuid:5'})
  list = setVerdict(list, source, at('they have killed or injured thousands'), 'needs-checking', {now, id: 'urn:uuid:6'})
  return list
}

function article(): ArticleExport {
  const orphan = tagSelection(source, at('Kaliningrad'), 'LOC', {now, id: 'urn:uuid:gone'})
  const {anchored, orphans} = reanchor(source, [...annotations(), {...orphan, target: {...orphan.target, exact: 'Königsberg'}}])
  return {
    source,
    result,
    annotations: anchored.map((item) => item.annotation),
    meta: {...articleMeta(source, 'poland-ottawa.md'), orphans}
  }
}

function text(start: number, end: number): string {
  return points.slice(start, end).join('')
}

test('export: public API', () => {
  assert.deepEqual(Object.keys(exporters).sort(), [
    'articleIri',
    'articleMeta',
    'claimReviews',
    'csvColumns',
    'exportArticle',
    'exportArticles',
    'exportFormats',
    'exportWarnings',
    'newsmarkAgent',
    'ratings',
    'timelineKey',
    'toClaimReview',
    'toCsv',
    'toJsonExport',
    'toNotes',
    'toWebAnnotation',
    'verdictKey'
  ])
  assert.throws(() => exportArticles('pdf' as 'csv', []), /Unexpected format `pdf`, expected one of notes, json, webannotation, claimreview, csv/)
})

test('export: article metadata from front matter', () => {
  assert.deepEqual(articleMeta(source, 'a.md'), {
    file: 'a.md',
    title: 'Poland to leave the Ottawa Convention on anti-personnel landmines',
    datePublished: '2026-01-16'
  })
  assert.deepEqual(articleMeta('---\nurl: https://example.org/x\nauthor: [A, B]\ndate: 2025-03-04\n---\n\n# Heading\n', 'b.md'), {
    file: 'b.md',
    title: 'Heading',
    datePublished: '2025-03-04',
    url: 'https://example.org/x',
    author: 'A, B'
  })
  assert.deepEqual(articleMeta('---\n: bad: [\n---\nText\n', 'c.md'), {file: 'c.md'})
})

test('export: notes', () => {
  const notes = exportArticles('notes', [article()])
  const lines = source.split('\n')
  assert.ok(notes.startsWith('# Poland to leave the Ottawa Convention on anti-personnel landmines\n'))
  const headings = notes.split('\n').filter((line) => line.startsWith('## ') || line.startsWith('### '))
  assert.deepEqual(headings, ['## Sources', '## Entities', '### People', '### Organisations', '### Places', '### Other', '## Timeline', '## Claims', '## Orphaned annotations'])
  assert.match(notes, /^- \*\*Cezary Tomczyk\*\*, Deputy Defense Minister \(\[line 11\]\(poland-ottawa\.md#L11\), 8 mentions\)$/m)
  assert.match(notes, /^- \*\*BELMA plant\*\* \(\[line 15\]\(poland-ottawa\.md#L15\), tagged by hand\)$/m)
  assert.doesNotMatch(notes, /East Shield\*\*/)
  assert.match(notes, /^ {2}- \*\*Verdict: unverifiable\*\* on “European governments use these claims”, by Ada Reader \(\[source\]\(<https:\/\/example\.org\/belma>\)\)$/m)
  assert.match(notes, /^ {2}- Note: No figures, "yet"\.$/m)
  assert.match(notes, /^- tag: “Königsberg” \(quote not found: “Königsberg”\)$/m)
  assert.match(notes, /^## Sources\n\n\d+ sources: (?:\d+ [a-z ]+(?:, |\.\n))+/m)
  assert.match(notes, /^- \*\*Cezary Tomczyk\*\*, Deputy Defense Minister: named person, \d+ quotes$/m)
  assert.match(notes, /^ {2}- “the decision will allow Poland to possess and produce anti-personnel landmines once again” \(indirect, said, \[line 11\]/m)

  // Every quoted item links to a line that holds its text.
  const links = [...notes.matchAll(/“([^”]+)”[^\n]*?\[line (\d+)\]\(poland-ottawa\.md#L\2\)/g)]
  assert.ok(links.length > 30, `${links.length} links`)
  for (const match of notes.matchAll(/“([^”]+)”[^\n]*?\[line (\d+)\]\(poland-ottawa\.md#L\2\)/g)) {
    const words = match[1]!.split(' ').slice(0, 3).join(' ')
    assert.ok(lines[Number(match[2]) - 1]!.includes(words), `line ${match[2]} has “${words}”`)
  }

  const timeline = notes.slice(notes.indexOf('## Timeline'), notes.indexOf('Durations and unresolved'))
  const keys = [...timeline.matchAll(/^- \*\*([^*]+)\*\*/gm)].map((match) => timelineKey(match[1]!.split(' ')[0]!, '2026-01-16')!)
  assert.deepEqual(keys, [...keys].sort(), 'timeline sorted by value')
  assert.equal(keys[0], '1997')
  assert.match(timeline, /^- \*\*2026-01-16 \(PRESENT_REF\)\*\*: “now”/m)
})

test('export: timeline keys', () => {
  assert.equal(timelineKey('2026-W02'), '2026-01-05')
  assert.equal(timelineKey('2027-W01'), '2027-01-04')
  assert.equal(timelineKey('2026-Q3'), '2026-07')
  assert.equal(timelineKey('199X'), '199')
  assert.equal(timelineKey('2026-02-20T10:00'), '2026-02-20T10:00')
  assert.equal(timelineKey('PRESENT_REF', '2026-01-16'), '2026-01-16')
  for (const value of ['PT48H', 'P1D', 'XXXX-02-20', 'PAST_REF', 'PRESENT_REF']) assert.equal(timelineKey(value), undefined, value)
})

test('export: json', () => {
  const data = JSON.parse(exportArticles('json', [article()]))
  assert.deepEqual(Object.keys(data), [
    'file',
    'title',
    'datePublished',
    'referenceDate',
    'positions',
    'entities',
    'dates',
    'claims',
    'sources',
    'annotations',
    'orphans',
    'unapplied'
  ])
  assert.equal(data.positions, 'code points')
  for (const span of [...data.dates, ...data.claims, ...data.entities.flatMap((entity: {mentions: unknown[]}) => entity.mentions)]) {
    assert.equal(text(span.start, span.end), span.text)
  }

  for (const annotation of data.annotations) assert.equal(text(annotation.target.start, annotation.target.end), annotation.target.exact)
  const verdicts = data.claims.flatMap((claim: {verdicts: Array<{verdict: string}>}) => claim.verdicts.map((item) => item.verdict))
  assert.deepEqual(verdicts, ['true', 'unverifiable', 'needs-checking'])
  assert.ok(data.claims.every((claim: {verdict?: unknown}) => !('verdict' in claim)), 'no `verdict` beside `verdicts`')
  assert.deepEqual(data.orphans.map((item: {id: string; reason: string; target: {start: null}}) => [item.id, item.reason, item.target.start]), [
    ['urn:uuid:gone', 'quote not found: “Königsberg”', null]
  ])
  assert.ok(data.entities.every((entity: {origin: string}) => ['machine', 'human'].includes(entity.origin)))
  type Spanned = {start: number; end: number; text: string}
  const sources: Array<{name: string; kind: string; role?: string; count: number; quotes: Array<Spanned & {cue?: Spanned; source?: Spanned}>}> = data.sources
  assert.ok(sources.length > 3, `${sources.length} sources`)
  assert.deepEqual(Object.keys(sources[0]!), ['name', 'kind', 'entity', 'role', 'count', 'quotes'])
  assert.equal(sources[0]!.name, 'Cezary Tomczyk')
  for (const item of sources) {
    assert.equal(item.count, item.quotes.length)
    for (const quote of item.quotes) {
      for (const span of [quote, quote.cue, quote.source]) if (span) assert.equal(text(span.start, span.end), span.text)
    }
  }

  const two = JSON.parse(exportArticles('json', [article(), article()]))
  assert.equal(two.length, 2)
})

test('export: webannotation', () => {
  const data = JSON.parse(exportArticles('webannotation', [article()]))
  assert.equal(data['@context'][0], 'http://www.w3.org/ns/anno.jsonld')
  assert.equal(data.type, 'AnnotationCollection')
  assert.equal(data.first.type, 'AnnotationPage')
  const items = data.first.items
  assert.equal(data.total, items.length)
  const review = applyAnnotations(result, article().annotations)
  const machine = items.filter((item: {generator?: unknown}) => item.generator)
  const human = items.filter((item: {creator?: unknown}) => item.creator)
  assert.equal(
    machine.length,
    review.entities.filter((entity) => entity.origin === 'machine').flatMap((entity) => entity.mentions).length +
      review.dates.length +
      review.claims.filter((claim) => claim.origin === 'machine').length
  )
  assert.ok(
    machine.every((item: {creator: {type: string}; created: string}) => item.creator.type === 'Software' && item.created),
    'machine tags have Newsmark as creator, and a time'
  )
  assert.equal(human.filter((item: {creator: {type: string}}) => item.creator.type === 'Person').length, 5)
  assert.equal(items.length, machine.length + 7, 'machine tags, 6 annotations and 1 orphan')
  const motivations = new Set(items.map((item: {motivation: string}) => item.motivation))
  assert.deepEqual([...motivations].sort(), ['assessing', 'identifying', 'linking', 'moderating', 'tagging'])
  for (const item of items) {
    assert.equal(item.type, 'Annotation')
    assert.equal(typeof item.id, 'string')
    const quote = item.target.selector.find((selector: {type: string}) => selector.type === 'TextQuoteSelector')
    const position = item.target.selector.find((selector: {type: string}) => selector.type === 'TextPositionSelector')
    if (position) assert.equal(text(position.start, position.end), quote.exact)
    else assert.equal(quote.exact, 'Königsberg', 'only the orphan has no position')
  }

  const verdict = items.find((item: {id: string}) => item.id === 'urn:uuid:4')
  assert.deepEqual(verdict.body, [
    {type: 'TextualBody', purpose: 'assessing', value: 'unverifiable'},
    {type: 'SpecificResource', purpose: 'linking', source: 'https://example.org/belma'},
    {type: 'TextualBody', purpose: 'commenting', value: 'No figures, "yet".'}
  ])
})

test('export: claimreview', () => {
  const publisher = {name: 'Example Fact Check', url: 'https://factcheck.example.org/'}
  const meta = {...article().meta, url: 'https://example.org/news/poland', publisher, reviewUrl: 'https://factcheck.example.org/checks/{id}'}
  const data = JSON.parse(exportArticles('claimreview', [{...article(), meta}], {now}))
  assert.equal(data['@context'], 'https://schema.org')
  const reviews = data['@graph']
  assert.equal(reviews.length, 2, 'needs-checking is not a review')
  for (const review of reviews) {
    assert.equal(review['@type'], 'ClaimReview')
    assert.equal(typeof review.claimReviewed, 'string')
    assert.match(review.datePublished, /^\d{4}-\d{2}-\d{2}$/)
    assert.match(review.url, /^https:\/\/factcheck\.example\.org\/checks\/\d$/)
    assert.equal(review.reviewRating['@type'], 'Rating')
    assert.equal(review.reviewRating.name, review.reviewRating.alternateName)
    assert.equal(review.itemReviewed['@type'], 'Claim')
    assert.equal(review.itemReviewed.appearance.url, 'https://example.org/news/poland')
    assert.deepEqual(review.author, {'@type': 'Organization', ...publisher})
  }

  const [exit, rise] = reviews
  assert.equal(exit.claimReviewed, 'Poland will exit the treaty on February 20')
  assert.equal(exit.url, 'https://factcheck.example.org/checks/5')
  assert.deepEqual(exit.reviewRating, {'@type': 'Rating', name: 'True', alternateName: 'True', ratingValue: 5, worstRating: 1, bestRating: 5})
  assert.deepEqual(exit.itemReviewed.author, {'@type': 'Person', name: 'Cezary Tomczyk', jobTitle: 'Deputy Defense Minister'})
  assert.equal(exit.itemReviewed.datePublished, '2026-01-16')
  assert.deepEqual(rise.reviewRating, {'@type': 'Rating', name: 'Unverifiable', alternateName: 'Unverifiable', ratingValue: 3, worstRating: 1, bestRating: 5})
  assert.equal(rise.citation, 'https://example.org/belma')
  assert.equal(rise.reviewBody, 'No figures, "yet".')

  // Without a publisher, each reviewer is the author; without a pattern, the url is the verdict’s id.
  const bare = JSON.parse(exportArticles('claimreview', [article()], {now}))['@graph']
  assert.deepEqual(bare[0].author, {'@type': 'Person', name: 'Ada Reader'})
  assert.equal(bare[0].url, 'urn:uuid:5')
  assert.equal(bare[0].itemReviewed.appearance.url, 'urn:newsmark:file:poland-ottawa.md')
})

/** A small RFC 4180 reader, to check the writer. */
function parseCsv(input: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let index = 0; index < input.length; index++) {
    const char = input[index]
    if (quoted) {
      if (char === '"' && input[index + 1] === '"') (field += '"'), index++
      else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') row.push(field), (field = '')
    else if (char === '\r' && input[index + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), index++
    else {
      assert.notEqual(char, '\n', 'bare LF outside quotes')
      field += char
    }
  }

  assert.equal(field + row.join(''), '', 'ends with CRLF')
  return rows
}

test('export: csv', () => {
  const csv = exportArticles('csv', [article()])
  const [header, ...rows] = parseCsv(csv)
  assert.deepEqual(header, [...csvColumns])
  const review = applyAnnotations(result, article().annotations)
  const quoted = sourcesOf(review).reduce((sum, item) => sum + item.quotes.length, 0)
  assert.ok(quoted > 10, `${quoted} quotes with a source`)
  assert.equal(rows.length, review.entities.flatMap((entity) => entity.mentions).length + review.dates.length + review.claims.length + quoted)
  const column = (name: string) => csvColumns.indexOf(name as (typeof csvColumns)[number])
  for (const row of rows) {
    assert.equal(row.length, csvColumns.length)
    assert.equal(text(Number(row[column('start')]), Number(row[column('end')])), row[column('text')])
    assert.ok(source.split('\n')[Number(row[column('line')]) - 1]!.includes(row[column('text')]!.split(/\s/)[0]!))
  }

  const rise = rows.find((row) => row[column('verdict')] === 'unverifiable')!
  assert.equal(rise[column('note')], 'No figures, "yet".')
  assert.equal(rise[column('speaker')], 'Kremlin')
  assert.ok(rows.some((row) => row[column('text')]!.includes(',')), 'a field with a comma survives')
  const said = rows.find((row) => row[column('kind')] === 'quote' && row[column('verb')] === 'said' && row[column('speaker')] === 'Cezary Tomczyk')
  assert.ok(said, 'a quote row')
  assert.deepEqual([said[column('type')], said[column('value')], said[column('role')]], ['indirect', 'named', 'Deputy Defense Minister'])

  const risky = '---\ntitle: x\n---\n\n=SUM(A1) Cezary Tomczyk said.\n'
  const tagged = analyzeSync(risky).data.newsmark!
  const out = exportArticle('csv', risky, tagged, [tagSelection(risky, at('=SUM(A1)', risky), 'MISC')], {file: 'x.md'})
  assert.ok(parseCsv(out).some((row) => row[column('text')] === "'=SUM(A1)"), 'formula-like text is defused')
})

test('export: several articles in one output', () => {
  const first = article()
  const second = {...article(), meta: {...article().meta, file: 'copy.md'}}
  const csv = parseCsv(exportArticles('csv', [first, second]))
  assert.deepEqual([...new Set(csv.slice(1).map((row) => row[0]))], ['poland-ottawa.md', 'copy.md'])
  const collection = JSON.parse(exportArticles('webannotation', [first, second]))
  assert.equal(collection.total, 2 * JSON.parse(exportArticles('webannotation', [first])).total)
  assert.equal(JSON.parse(exportArticles('claimreview', [first, second]))['@graph'].length, 4)
  assert.notEqual(collection.id, JSON.parse(exportArticles('webannotation', [first])).id, 'a collection id per set of articles')
  const notes = exportArticles('notes', [first, second])
  assert.equal(notes.match(/^# /gm)!.length, 2)
})

test('export: two reviewers’ verdicts on one claim are both in every format', () => {
  const rise = at('European governments use these claims')
  const other = {type: 'Person' as const, name: 'Bo Checker'}
  let list = setVerdict([], source, rise, 'unverifiable', {creator: reader, now, id: 'urn:uuid:ada', note: 'Ada’s note'})
  list = setVerdict(list, source, rise, 'false', {creator: other, now: '2026-01-21T10:00:00.000Z', id: 'urn:uuid:bo', note: 'Bo’s note'})
  assert.equal(list.length, 2, 'a second reviewer adds a verdict, not replaces the first')
  assert.equal(setVerdict(list, source, rise, 'misleading', {creator: other, now}).length, 2, 'a reviewer replaces their own verdict')
  const two: ArticleExport = {source, result, annotations: list, meta: articleMeta(source, 'poland-ottawa.md')}

  const claim = JSON.parse(exportArticles('json', [two])).claims.find((item: {verdicts: unknown[]}) => item.verdicts.length > 0)
  assert.deepEqual(
    claim.verdicts.map((item: {verdict: string; creator: {name: string}}) => [item.verdict, item.creator.name]),
    [
      ['unverifiable', 'Ada Reader'],
      ['false', 'Bo Checker']
    ]
  )

  const [header, ...rows] = parseCsv(exportArticles('csv', [two]))
  const column = (name: string) => header!.indexOf(name)
  assert.deepEqual(
    rows.filter((row) => row[column('verdict')]).map((row) => [row[column('verdict')], row[column('reviewer')], row[column('note')]]),
    [
      ['unverifiable', 'Ada Reader', 'Ada’s note'],
      ['false', 'Bo Checker', 'Bo’s note']
    ]
  )

  const notes = exportArticles('notes', [two])
  assert.match(notes, /^ {2}- \*\*Verdict: unverifiable\*\* on “European governments use these claims”, by Ada Reader$/m)
  assert.match(notes, /^ {2}- \*\*Verdict: false\*\* on “European governments use these claims”, by Bo Checker$/m)
  assert.match(notes, /\(2 verdicts\)/)

  const reviews = JSON.parse(exportArticles('claimreview', [two]))['@graph']
  assert.deepEqual(reviews.map((review: {reviewRating: {alternateName: string}}) => review.reviewRating.alternateName), ['Unverifiable', 'False'])

  const items = JSON.parse(exportArticles('webannotation', [two])).first.items
  assert.deepEqual(items.filter((item: {motivation: string}) => item.motivation === 'assessing').map((item: {id: string}) => item.id), ['urn:uuid:ada', 'urn:uuid:bo'])
})

test('export: notes: a source URL cannot break out of its link, and HTML and control characters stay text', () => {
  const rise = at('European governments use these claims')
  const list = setVerdict([], source, rise, 'false', {source: 'https://example.org/a><img/src=x/onerror=alert(1)>', now, creator: {type: 'Person', name: 'Eve <script>\u001B[2J\u0007'}})
  const meta = {...articleMeta(source, 'poland-ottawa.md'), title: 'Title <img src=x onerror=alert(1)> \u001B]0;pwned\u0007', author: '<b>A</b> & B', url: 'https://example.org/x>y'}
  const notes = exportArticle('notes', source, result, list, meta)
  assert.ok(!/<(?:img|script|b)\b/.test(notes), 'no raw HTML')
  assert.ok(!/[\u0007\u001B]/.test(notes), 'no ESC or BEL')
  assert.match(notes, /^# Title &lt;img src=x onerror=alert\(1\)> \uFFFD\]0;pwned\uFFFD$/m)
  assert.match(notes, /^- URL: <https:\/\/example\.org\/x%3Ey>$/m)
  assert.match(notes, /^- Author: &lt;b>A&lt;\/b> &amp; B$/m)
  assert.match(notes, /by Eve &lt;script>\uFFFD\[2J\uFFFD \(\[source\]\(<https:\/\/example\.org\/a%3E%3Cimg\/src=x\/onerror=alert\(1\)%3E>\)\)$/m)
})

test('export: csv: lookalikes of formula characters, leading white space and control characters are defused', () => {
  const values = ['＝1+1', '＋1', '－1', '＠SUM(A1)', '﹦1', '−1', ' =1', '\u3000=1', '\t=1', '\r=1', '\n=1', 'a\u001B[31mb\u0007']
  const text = values.join(' ')
  const tagged = analyzeSync(text).data.newsmark!
  const spans = values.map((value) => {
    const start = text.indexOf(value)
    return {start, end: start + value.length}
  })
  const tags = spans.slice(0, -1).map((span) => tagSelection(text, span, 'MISC'))
  const rows = parseCsv(exportArticle('csv', text, tagged, tags, {file: 'x.md'}))
  const column = csvColumns.indexOf('text')
  const texts = rows.slice(1).map((row) => row[column]!)
  for (const value of ['＝1+1', '＋1', '－1', '＠SUM(A1)', '﹦1', '−1']) assert.ok(texts.includes("'" + value), `${value} defused: ${JSON.stringify(texts)}`)
  const withEscape = exportArticle('csv', text, tagged, [tagSelection(text, spans.at(-1)!, 'MISC')], {file: 'x.md'})
  assert.ok(!/[\u0007\u001B]/.test(withEscape), 'no ESC or BEL')
  assert.ok(withEscape.includes('a\uFFFD[31mb\uFFFD'))
})
