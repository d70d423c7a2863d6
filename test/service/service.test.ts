/**
 * The language service in plain Node, against an in-memory workspace: the
 * real core, the sample article and made-up ones.
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import test from 'node:test'
import * as core from '../../src/core/index.ts'
import {createNewsmarkService, type ArticleSettings, type ServiceDocument} from '../../src/service/service.ts'

const sample = fs.readFileSync('examples/poland-ottawa.md', 'utf8')

function memoryWorkspace(files: Record<string, string> = {}, settings: ArticleSettings = {options: {preset: 'strict'}}) {
  const reads: string[] = []
  return {
    reads,
    workspace: {
      settings: () => settings,
      readSidecar: async (uri: string) => {
        reads.push(uri)
        return files[`${uri}.newsmark.json`]
      },
      ruleDocs: (ruleId: string) => `https://example.org/rules#${ruleId}`
    }
  }
}

/** The core with one Newsmark instance's analyses, as a client gives it. */
function instance() {
  const newsmark = core.createNewsmark()
  return {...core, analyze: newsmark.analyze, forget: newsmark.forget}
}

function doc(text: string, version = 1, uri = 'file:///news/article.md'): ServiceDocument {
  return {uri, version, getText: () => text}
}

test('service: diagnostics carry offsets, levels, rule ids and their docs', async () => {
  const service = createNewsmarkService({core: instance(), workspace: memoryWorkspace().workspace})
  const text = '---\ndate: 2024-05-02\n---\n\nThe minister slammed the report on Monday.\n'
  const diagnostics = await service.diagnostics(doc(text))
  const loaded = diagnostics.find((item) => item.code === 'loaded-verb')
  assert.ok(loaded, JSON.stringify(diagnostics))
  assert.equal(text.slice(loaded.start, loaded.end), 'slammed')
  assert.equal(loaded.severity, 'warning')
  assert.equal(loaded.url, 'https://example.org/rules#loaded-verb')
  const off = createNewsmarkService({core: instance(), workspace: memoryWorkspace({}, {options: {preset: 'strict'}, severity: {'loaded-verb': 'off'}}).workspace})
  assert.equal((await off.diagnostics(doc(text))).some((item) => item.code === 'loaded-verb'), false)
  const hint = createNewsmarkService({core: instance(), workspace: memoryWorkspace({}, {options: {preset: 'strict'}, severity: {'loaded-verb': 'hint'}}).workspace})
  assert.equal((await hint.diagnostics(doc(text))).find((item) => item.code === 'loaded-verb')?.severity, 'hint')
})

test('service: a hover on a person names the type, the mentions and the first one', async () => {
  const service = createNewsmarkService({core: instance(), workspace: memoryWorkspace().workspace})
  const offset = sample.indexOf('Cezary Tomczyk') + 3
  const hover = await service.hover(doc(sample), offset)
  assert.ok(hover)
  assert.equal(sample.slice(hover.start, hover.end), 'Cezary Tomczyk')
  assert.match(hover.sections[0]!, /^\*\*Cezary Tomczyk\*\* · Person/)
  assert.match(hover.sections[0]!, /\d+ mentions.*first on line 11/)
  assert.doesNotMatch(hover.sections.join('\n'), /\$\(/, 'no codicons unless asked')
  const withIcons = await service.hover(doc(sample), offset, {icons: true, reveal: (start, end, label) => `[${label}](#${start}-${end})`})
  assert.match(withIcons!.sections[0]!, /^\$\(person\) \*\*Cezary Tomczyk\*\*/)
  assert.match(withIcons!.sections[0]!, /\[line 11\]\(#\d+-\d+\)/)
  assert.equal(await service.hover(doc(sample), sample.indexOf('# Poland') + 1), undefined)
})

test('service: a hover on a date gives its value and weekday', async () => {
  const service = createNewsmarkService({core: instance(), workspace: memoryWorkspace().workspace})
  const hover = await service.hover(doc(sample), sample.indexOf('February 20') + 2)
  assert.ok(hover)
  assert.match(hover.sections[0]!, /^\*\*2026\\-02\\-20\*\* · Friday · date/)
  assert.match(hover.sections[0]!, /35 days after the article date \(2026-01-16\)/)
  assert.match(hover.sections[1]!, /^\*\*Claim\*\* · prediction/, 'the claim around it too')
})

test('service: symbols group entities, the timeline, claims and findings', async () => {
  const service = createNewsmarkService({core: instance(), workspace: memoryWorkspace().workspace})
  const symbols = await service.symbols(doc(sample))
  assert.deepEqual(symbols.map((symbol) => symbol.name).slice(0, 3), ['Entities', 'Timeline', 'Claims'])
  const people = symbols[0]!.children!.find((symbol) => symbol.name === 'People')
  assert.ok(people?.children?.some((symbol) => symbol.name === 'Maria Zakharova' && symbol.kind === 'object'))
  for (const symbol of symbols.flatMap((group) => group.children ?? [])) assert.ok(symbol.start <= symbol.end && symbol.end <= sample.length)
})

test('service: references are the mentions of the entity there', async () => {
  const service = createNewsmarkService({core: instance(), workspace: memoryWorkspace().workspace})
  const references = await service.references(doc(sample), sample.indexOf('Maria Zakharova') + 1)
  assert.ok(references.length >= 2)
  assert.equal(sample.slice(references[0]!.start, references[0]!.end), 'Maria Zakharova')
  assert.ok(references.slice(1).every((item) => /^(She|she|Zakharova)$/.test(sample.slice(item.start, item.end))), JSON.stringify(references.map((item) => sample.slice(item.start, item.end))))
})

test('service: inlay hints give relative dates their value', async () => {
  const service = createNewsmarkService({core: instance(), workspace: memoryWorkspace().workspace})
  const hints = await service.inlayHints(doc(sample), 0, sample.length)
  const lastWeek = hints.find((hint) => hint.offset === sample.indexOf('last week') + 'last week'.length)
  assert.ok(lastWeek, JSON.stringify(hints))
  assert.match(lastWeek.label, /2026-W02|Jan/)
})

test('service: quick fixes ignore a finding in its paragraph or disable its rule', async () => {
  const service = createNewsmarkService({core: instance(), workspace: memoryWorkspace().workspace})
  const text = 'The minister slammed the report.\n'
  const start = text.indexOf('slammed')
  const actions = await service.codeActions(doc(text), start, start + 1)
  const titles = actions.map((action) => action.title)
  assert.ok(titles.includes('Ignore loaded-verb in this paragraph'), titles.join(' | '))
  assert.ok(titles.includes('Disable loaded-verb for this file'))
  const disable = actions.find((action) => action.title === 'Disable loaded-verb for this file')!
  assert.deepEqual(disable.edits, [{start: 0, end: 0, newText: '<!-- newsmark disable loaded-verb -->\n\n'}])
  const edited = disable.edits[0]!.newText + text
  assert.equal((await service.diagnostics(doc(edited, 2))).some((item) => item.code === 'loaded-verb'), false)
})

test('service: the sidecar is read and applied; a broken one is a diagnostic and its valid part still applies', async () => {
  const uri = 'file:///news/article.md'
  const text = 'Anna Nowak met the mayor in Gdańsk on Monday.\n'
  const tag = core.tagSelection(text, {start: text.indexOf('the mayor'), end: text.indexOf('the mayor') + 'the mayor'.length}, 'PER')
  const sidecar = JSON.parse(core.serializeSidecar([tag], text, 'article.md')) as {first: {items: unknown[]}}
  sidecar.first.items.push({broken: true})
  const {workspace, reads} = memoryWorkspace({[`${uri}.newsmark.json`]: JSON.stringify(sidecar)})
  const service = createNewsmarkService({core: instance(), workspace})
  const analysis = await service.analysis(doc(text))
  assert.deepEqual(reads, [uri])
  assert.ok(analysis?.result.entities.some((entity) => entity.name === 'the mayor' && entity.type === 'PER'))
  const diagnostics = await service.diagnostics(doc(text))
  const problem = diagnostics.find((item) => item.code === 'sidecar-invalid')
  assert.ok(problem)
  assert.equal(problem.severity, 'error')
  assert.match(problem.message, /article\.md\.newsmark\.json \(4 problems\)[^]*- annotation 2: missing `id`/)
})

test('service: a bad inline directive is a diagnostic on the directive', async () => {
  const service = createNewsmarkService({core: instance(), workspace: memoryWorkspace().workspace})
  const text = 'Intro.\n\nWe met :claim[the mayor]{verdict=maybe} today.\n'
  const diagnostics = await service.diagnostics(doc(text))
  const problem = diagnostics.find((item) => item.code === 'directive-invalid')
  assert.ok(problem, JSON.stringify(diagnostics))
  assert.equal(text.slice(problem.start, problem.end), ':claim[the mayor]{verdict=maybe}')
  assert.match(problem.message, /^Unexpected `verdict=maybe`/)
})

test('service: one analysis per version, shared; a new version is analysed again; forget drops it', async () => {
  const service = createNewsmarkService({core: instance(), workspace: memoryWorkspace().workspace})
  const first = service.analysis(doc(sample, 1))
  const again = service.analysis(doc(sample, 1))
  assert.equal(await first, await again)
  const edited = await service.analysis(doc(sample.replace('Poland has announced', 'Poland announced'), 2))
  assert.notEqual(edited, await first)
  service.forget('file:///news/article.md')
  assert.notEqual(await service.analysis(doc(sample, 1)), await first)
  service.dispose()
  assert.equal(await service.analysis(doc(sample, 3)), undefined)
})

test('service: a configuration problem is an error diagnostic on the first line; the defaults apply', async () => {
  const service = createNewsmarkService({core: instance(), workspace: memoryWorkspace({}, {options: {}, problem: '.newsmarkrc: unexpected `rules: 3`'}).workspace})
  const diagnostics = await service.diagnostics(doc('# Title\n\nText.\n'))
  assert.deepEqual(diagnostics[0], {start: 0, end: 7, message: 'Newsmark configuration not used (the defaults apply): .newsmarkrc: unexpected `rules: 3`', severity: 'error', code: 'config-invalid'})
})

test('service: an article over the size limit is not analysed, and says so', async () => {
  const service = createNewsmarkService({core: instance(), workspace: memoryWorkspace().workspace, maxLength: 100})
  const analysis = await service.analysis(doc(sample))
  assert.equal(analysis?.skipped, 'it is longer than 100 characters')
  assert.deepEqual(analysis.result.entities, [])
  assert.deepEqual(await service.diagnostics(doc(sample)), [
    {start: 0, end: 3, message: 'Newsmark did not analyse this article: it is longer than 100 characters.', severity: 'info', code: 'analysis-skipped'}
  ])
  assert.equal(await service.hover(doc(sample), sample.indexOf('Poland')), undefined)
})

test('service: an analysis stopped past its time is a skip; another failure is logged and shows nothing', async () => {
  const stopped = Object.assign(new Error('the analysis ran past 1 s and was stopped'), {name: 'AnalysisStopped'})
  const errors: string[] = []
  const failing = (error: Error) =>
    createNewsmarkService({
      core: {...instance(), analyze: () => Promise.reject(error)},
      workspace: memoryWorkspace().workspace,
      logger: {error: (message) => errors.push(message)}
    })
  const skipped = await failing(stopped).diagnostics(doc(sample))
  assert.equal(skipped.length, 1)
  assert.equal(skipped[0]!.code, 'analysis-skipped')
  assert.match(skipped[0]!.message, /ran past 1 s/)
  assert.deepEqual(errors, [])
  assert.deepEqual(await failing(new Error('boom')).diagnostics(doc(sample)), [])
  assert.deepEqual(errors, ['Could not analyse file:///news/article.md'])
})

test('service: a hover on a speaker quotes a direct quote once (no ““)', async () => {
  const service = createNewsmarkService({core: instance(), workspace: memoryWorkspace().workspace})
  const text = 'Council engineer Priya Holloway said the deck had reached the end of its working life. “Unemployment in the county rose by 40 percent last year,” she said.\n'
  const hover = await service.hover(doc(text), text.indexOf('Holloway') + 2)
  assert.ok(hover)
  const lines = hover.sections.join('\n').split('\n').filter((line) => line.startsWith('- '))
  assert.ok(lines.some((line) => /: “Unemployment in the county/.test(line)), lines.join('\n'))
  assert.ok(lines.every((line) => !/““/.test(line)), lines.join('\n'))
})
