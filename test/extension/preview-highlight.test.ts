/**
 * The preview's highlights (`src/extension/preview-highlight.ts`), in plain
 * Node with markdown-it: tags found again in the token stream through
 * emphasis, links, code, entities, escapes, lists, quotes, tables, CRLF and
 * the typographer; the HTML otherwise unchanged; names from the article
 * escaped; the plugin as VS Code loads it.
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import test from 'node:test'
import markdownIt from 'markdown-it'
import {analyzeSync} from '../../src/core/index.ts'
import type {NewsmarkResult} from '../../src/core/types.ts'
import {highlightTokens, marksOf, normalizeSource, previewPlugin, rebaseMarks, type Mark, type MarkKind} from '../../src/extension/preview-highlight.ts'

const md = markdownIt()

/**
 * Render a source with marks.
 * @param source
 *   Markdown.
 * @param marks
 *   Marks of it.
 * @param engine
 *   markdown-it instance (default: CommonMark with its defaults).
 * @returns
 *   HTML.
 */
function render(source: string, marks: readonly Mark[], engine = md): string {
  const normalized = normalizeSource(source, marks)
  const tokens = engine.parse(normalized.source, {})
  return engine.renderer.render(highlightTokens(tokens, normalized.source, normalized.marks), engine.options, {})
}

/** The HTML without Newsmark's spans. */
function strip(html: string): string {
  return html.replace(/<span class="newsmark[^"]*" title="[^"]*"(?: data-newsmark-verdict="[^"]*")?>/g, '').replace(/<\/span>/g, '')
}

/**
 * The marked pieces of HTML: innermost spans (which hold text only), as
 * `kind-class: text`.
 */
function pieces(html: string): string[] {
  return [...html.matchAll(/<span class="newsmark ([a-z-]+)[^"]*" title="[^"]*"[^>]*>([^<]*)<\/span>/g)].map(([, kind, text]) => `${kind}: ${text}`)
}

/** A mark on the first occurrence of `text` (after `from`). */
function mark(source: string, text: string, kind: MarkKind, title = `${kind} ${text}`, from = 0): Mark {
  const start = source.indexOf(text, from)
  assert.ok(start >= 0, `${text} in the source`)
  return {start, end: start + text.length, kind, title}
}

test('preview: a paragraph, an entity inside a claim, the claim marker once', () => {
  const source = 'Intro.\n\nPoland said that Warsaw will act.\n'
  const claim = mark(source, 'Poland said that Warsaw will act.', 'claim', 'Claim: quote')
  const html = render(source, [mark(source, 'Poland', 'LOC', 'Place: Poland'), mark(source, 'Warsaw', 'LOC', 'Place: Warsaw'), claim])
  assert.equal(
    html,
    '<p>Intro.</p>\n<p>' +
      '<span class="newsmark newsmark-claim newsmark-claim-start" title="Claim: quote"><span class="newsmark newsmark-place" title="Place: Poland\n\nClaim: quote">Poland</span></span>' +
      '<span class="newsmark newsmark-claim" title="Claim: quote"> said that </span>' +
      '<span class="newsmark newsmark-claim" title="Claim: quote"><span class="newsmark newsmark-place" title="Place: Warsaw\n\nClaim: quote">Warsaw</span></span>' +
      '<span class="newsmark newsmark-claim" title="Claim: quote"> will act.</span></p>\n'
  )
  assert.equal(strip(html), md.render(source))
})

test('preview: marks across emphasis, links, code, entities and escapes', () => {
  const source = [
    '# The **Ottawa** Convention',
    '',
    'Said [Cezary *Tomczyk*](https://example.com/Tomczyk) on `Poland` day: AT&amp;T \\*and\\* Poland.',
    '',
    '- item about **BELMA** in Bydgoszcz',
    '  continued by Warsaw',
    '',
    '> quoted Kremlin  ',
    '> and Moscow',
    '',
    '| who | where |',
    '| --- | --- |',
    '| Tomczyk | Poland |',
    ''
  ].join('\n')
  const second = source.indexOf('Poland.')
  const marks: Mark[] = [
    mark(source, 'Ottawa** Convention', 'MISC'),
    mark(source, 'Cezary *Tomczyk*', 'PER'),
    mark(source, 'AT&amp;T', 'ORG'),
    mark(source, 'Poland', 'LOC', 'LOC Poland', second),
    mark(source, 'BELMA', 'ORG'),
    mark(source, 'Bydgoszcz', 'LOC'),
    mark(source, 'Warsaw', 'LOC'),
    mark(source, 'Kremlin', 'ORG'),
    mark(source, 'Moscow', 'LOC'),
    mark(source, 'Tomczyk |', 'PER', 'PER Tomczyk', source.indexOf('| Tomczyk')),
    mark(source, 'Poland |', 'LOC', 'LOC Poland', source.indexOf('| Poland'))
  ]
  const html = render(source, marks)
  assert.deepEqual(pieces(html), [
    'newsmark-misc: Ottawa',
    'newsmark-misc:  Convention',
    'newsmark-person: Cezary ',
    'newsmark-person: Tomczyk',
    'newsmark-organization: AT&amp;T',
    // Not the one in `code`, not the escaped stars.
    'newsmark-place: Poland',
    'newsmark-organization: BELMA',
    'newsmark-place: Bydgoszcz',
    'newsmark-place: Warsaw',
    'newsmark-organization: Kremlin',
    'newsmark-place: Moscow',
    'newsmark-person: Tomczyk',
    'newsmark-place: Poland'
  ])
  assert.match(html, /<code>Poland<\/code> day: <span[^>]*>AT&amp;T<\/span> \*and\* <span[^>]*>Poland<\/span>\./)
  assert.equal(strip(html), md.render(source), 'nothing else changes')
})

test('preview: a mark inside a link text, and text that is also in the link', () => {
  const source = 'See [the report](https://example.com/report) report by Reuters.\n'
  const marks = [mark(source, 'report by Reuters', 'claim', 'c', source.indexOf(') ')), mark(source, 'Reuters', 'ORG')]
  const html = render(source, marks)
  assert.deepEqual(pieces(html), ['newsmark-claim: report by ', 'newsmark-organization: Reuters'])
  // The claim started at "report", after the space: the marker is on its first piece.
  assert.match(html, /<\/a> <span class="newsmark newsmark-claim newsmark-claim-start"/)
})

test('preview: CRLF line ends and the typographer', () => {
  const source = 'First line\r\n\r\n"Quoted" Poland -- and Warsaw...\r\nnext Kremlin\r\n'
  const marks = [mark(source, 'Poland', 'LOC'), mark(source, 'Warsaw', 'LOC'), mark(source, 'Kremlin', 'ORG')]
  const typographer = markdownIt({typographer: true})
  for (const engine of [md, typographer]) {
    const html = render(source, marks, engine)
    assert.deepEqual(pieces(html), ['newsmark-place: Poland', 'newsmark-place: Warsaw', 'newsmark-organization: Kremlin'])
    assert.equal(strip(html), engine.render(source))
  }
  assert.match(render(source, marks, typographer), /“Quoted” <span[^>]*>Poland<\/span> – and <span[^>]*>Warsaw<\/span>…/)
})

test('preview: names from the article are escaped, in titles and verdicts', () => {
  const source = 'Dr <b onmouseover="alert(1)">Evil</b> & "Friends" said it.\n'
  const evil: Mark = {
    ...mark(source, 'Evil', 'PER'),
    title: 'Person: "><script>alert(1)</script>\n\'x\' & <img src=x onerror=alert(2)>'
  }
  const claim: Mark = {...mark(source, 'said it.', 'claim', 'Claim: quote\nSpeaker: <i>"Friends"</i>'), verdict: '⚖ "><img src=x onerror=alert(3)>'}
  const html = render(source, [evil, claim], markdownIt({html: false}))
  assert.doesNotMatch(html, /<script|<img|<i>|<b /)
  assert.match(html, /title="Person: &#34;&#62;&#60;script&#62;alert\(1\)&#60;\/script&#62;\n&#39;x&#39; &#38; &#60;img src=x onerror=alert\(2\)&#62;"/)
  assert.match(html, /data-newsmark-verdict="⚖ &#34;&#62;&#60;img src=x onerror=alert\(3\)&#62;"/)
  // The article's own HTML stays as markdown-it renders it (escaped: `html: false`).
  assert.match(html, /&lt;b onmouseover=&quot;alert\(1\)&quot;&gt;<span[^>]*>Evil<\/span>&lt;\/b&gt;/)
})

test('preview: marks of an older text move to the newer one', () => {
  const before = 'Poland and Warsaw and Moscow.'
  const marks = [mark(before, 'Poland', 'LOC'), mark(before, 'Warsaw', 'LOC'), mark(before, 'Moscow', 'LOC')]
  const after = 'Poland and the city of Warsaw and Moscow.'
  assert.deepEqual(
    rebaseMarks(marks, before, after).map((item) => after.slice(item.start, item.end)),
    ['Poland', 'Warsaw', 'Moscow']
  )
  const edited = 'Poland and Warsav and Moscow.'
  assert.deepEqual(rebaseMarks(marks, before, edited).map((item) => edited.slice(item.start, item.end)), ['Poland', 'Moscow'], 'the edited one goes')
  assert.deepEqual(rebaseMarks(marks, before, before), marks)
})

test('preview: the sample article, every tag in its place', () => {
  const source = fs.readFileSync('examples/poland-ottawa.md', 'utf8')
  const result = analyzeSync(source).data.newsmark as NewsmarkResult
  const marks = marksOf(result)
  const html = render(source, marks)
  assert.equal(strip(html), md.render(source), 'nothing else changes')
  // Entities and dates are innermost: each mention is one piece of its kind.
  const expected = [
    ...result.entities.flatMap((entity) => entity.mentions.map((mention) => ({start: mention.start, text: `${kindClass(entity.type)}: ${mention.text}`}))),
    ...result.dates.map((date) => ({start: date.start, text: `newsmark-date: ${date.text}`}))
  ]
  const found = pieces(html).filter((piece) => !piece.startsWith('newsmark-claim'))
  assert.deepEqual(found.sort(), expected.map((item) => item.text.replace(/&/g, '&amp;')).sort())
  assert.equal(html.match(/newsmark-claim-start/g)?.length, result.claims.length, 'one marker per claim')
  // A name inside a claim: its tooltip says both.
  const tomczyk = /<span class="newsmark newsmark-person" title="([^"]*)">Cezary Tomczyk<\/span>/.exec(html)
  assert.ok(tomczyk)
  assert.ok(result.claims.some((claim) => claim.text.includes('Cezary Tomczyk')), 'the name is in a claim')
  assert.match(tomczyk[1]!, /^Person: Cezary Tomczyk\nDeputy Defense Minister\n\nClaim: [a-z ]+\nSpeaker: Cezary Tomczyk/)
  assert.match(html, /title="Date: 2026-02 \(Feb 2026\)\nRelative to the article date, 2026-01-16(\n\n[^"]*)?">next month</)
  assert.match(html, /title="Duration: PT48H \(48 hours\)[^"]*">48 hours</)
})

test('preview: the plugin renders the marks of what it parsed, and leaves the tokens alone', () => {
  const source = 'Poland and Warsaw.\n'
  const marks = [mark(source, 'Warsaw', 'LOC')]
  const seen: unknown[] = []
  const engine = previewPlugin(markdownIt(), (parsed, env) => {
    seen.push(env)
    return parsed === source ? marks : undefined
  })
  const tokens = engine.parse(source, {})
  const before = JSON.stringify(tokens)
  const env = {currentDocument: 'file:///a.md'}
  assert.equal(engine.renderer.render(tokens, engine.options, env), '<p>Poland and <span class="newsmark newsmark-place" title="LOC Warsaw">Warsaw</span>.</p>\n')
  assert.equal(JSON.stringify(tokens), before, 'the cached tokens are not changed')
  assert.equal(seen[0], env)
  assert.equal(engine.render('Other text with Warsaw.\n'), '<p>Other text with Warsaw.</p>\n', 'no marks: as markdown-it renders')

  const errors: unknown[] = []
  const failing = previewPlugin(
    markdownIt(),
    () => {
      throw new Error('no analysis')
    },
    (error) => errors.push(error)
  )
  assert.equal(failing.render(source), '<p>Poland and Warsaw.</p>\n', 'a failure renders plainly')
  assert.match(String(errors[0]), /no analysis/)
})

test('preview: a long article renders in well under a second', () => {
  const paragraph = 'Deputy Defense Minister Cezary Tomczyk said **Poland** will exit the treaty on [February 20](https://example.com) next month.\n\n'
  const source = paragraph.repeat(5000)
  const marks: Mark[] = []
  for (let start = 0; start < source.length; start += paragraph.length) {
    marks.push({start, end: start + paragraph.length - 2, kind: 'claim', title: 'Claim'})
    marks.push({start: start + 24, end: start + 38, kind: 'PER', title: 'Person'})
    marks.push({start: start + 46, end: start + 52, kind: 'LOC', title: 'Place'})
  }
  // CPU time of this thread's work, not the clock: the machine may be busy.
  const started = process.cpuUsage()
  const html = render(source, marks)
  const used = process.cpuUsage(started)
  const ms = (used.user + used.system) / 1000
  assert.equal(html.match(/newsmark-claim-start/g)?.length, 5000)
  assert.equal(pieces(html).filter((piece) => piece === 'newsmark-place: Poland').length, 5000)
  assert.ok(ms < 3000, `${ms.toFixed(0)} ms of CPU time for ${(source.length / 1e6).toFixed(1)} MB`)
})

function kindClass(type: string): string {
  return {PER: 'newsmark-person', ORG: 'newsmark-organization', LOC: 'newsmark-place', MISC: 'newsmark-misc'}[type]!
}
