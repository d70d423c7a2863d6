/**
 * The extension's analysis worker (`src/node/analysis-worker.ts`, run
 * on the built `dist/core-worker.cjs`): the same tags and findings as the
 * core run in place, an analysis stopped past its time while the calling
 * thread stays free, and a worker that carries on after a stop, a core
 * error or a crash. It imports no `vscode`, so it runs in plain Node.
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import test from 'node:test'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import * as core from '../../src/core/index.ts'
import {AnalysisRunner} from '../../src/service/analysis-runner.ts'
import {AnalysisStopped, AnalysisWorker} from '../../src/node/analysis-worker.ts'

const script = path.resolve('dist/core-worker.cjs')
// The sample, with two dates for one event (a finding with a related place).
const sample =
  fs.readFileSync('examples/poland-ottawa.md', 'utf8') +
  '\nPoland will withdraw from the Ottawa Convention next month. Poland will exit the treaty on March 1.\n'
const person = 'Deputy Defense Minister Cezary Tomczyk said on Monday.'

/** What the extension reads of a message, and what vfile-reporter shows. */
function fields(message: VFileMessage) {
  const cause = message.cause as VFileMessage | undefined
  return {
    name: message.name,
    file: message.file,
    reason: message.reason,
    line: message.line,
    column: message.column,
    place: message.place,
    ruleId: message.ruleId,
    source: message.source,
    url: message.url,
    fatal: message.fatal,
    expected: message.expected,
    actual: message.actual,
    note: message.note,
    cause: cause ? {reason: cause.reason, place: cause.place, ruleId: cause.ruleId} : undefined
  }
}

test('analysis worker: the same tags and findings as the core in place', async () => {
  const worker = new AnalysisWorker(script, () => 60)
  // Started ahead of the first analysis (as the extension does while it loads the core).
  worker.warm()
  try {
    const remote = worker.wrap(core)
    const options = {referenceDate: '2026-01-16', rules: {'loaded-verb': 'error' as const}}
    const there = await remote.analyze(new VFile({value: sample, path: '/articles/poland.md'}), options)
    const here = await core.analyze(new VFile({value: sample, path: '/articles/poland.md'}), options)
    assert.deepEqual(there.data.newsmark, here.data.newsmark)
    assert.ok(here.messages.length > 10)
    assert.deepEqual(there.messages.map(fields), here.messages.map(fields))
    // Related places, quick-fix texts and an error among warnings are compared.
    assert.ok(here.messages.some((message) => message.cause))
    assert.ok(here.messages.some((message) => message.expected))
    assert.ok(here.messages.some((message) => message.fatal === true))
    // A document without a path, and an edit of one with a path.
    const bare = await remote.analyze(sample)
    assert.equal(bare.messages.length, here.messages.length)
    const edited = await remote.analyze(new VFile({value: sample.replace('Tomczyk', 'Tomczak'), path: '/articles/poland.md'}))
    assert.ok(edited.data.newsmark!.entities.some((entity) => entity.name.includes('Tomczak')))
    // Other functions of the core run in place.
    assert.equal(remote.countryFacts, core.countryFacts)
  } finally {
    worker.dispose()
  }
})

test('analysis worker: an analysis past its time is stopped, the caller stays free, the next one runs', async () => {
  const worker = new AnalysisWorker(script, () => 1)
  try {
    const remote = worker.wrap(core)
    // Loaded and warm.
    await remote.analyze(new VFile({value: sample, path: '/articles/poland.md'}))
    // Thousands of nested quotes: remark-parse takes seconds, more than
    // quadratic in the depth.
    const nested = '> '.repeat(60_000) + 'Tomczyk said.\n'
    let ticks = 0
    const ticker = setInterval(() => ticks++, 10)
    const started = performance.now()
    const stopped = await remote.analyze(new VFile({value: nested, path: '/articles/nested.md'})).then(
      () => undefined,
      (error: unknown) => error
    )
    const took = performance.now() - started
    clearInterval(ticker)
    assert.ok(stopped instanceof AnalysisStopped, String(stopped))
    assert.equal(stopped.seconds, 1)
    assert.match(stopped.message, /ran past newsmark\.analysis\.timeout \(1 s\) and was stopped/)
    // Not before its time (a timer may fire a little before `performance.now()`
    // says it is due); how long after depends on how busy the machine is, and
    // that it was stopped at all is what the error says.
    assert.ok(took >= 950, `stopped after ${Math.round(took)} ms`)
    // This thread ran its timers all along (blocked, it would tick once).
    assert.ok(ticks > 20, `${ticks} ticks in ${Math.round(took)} ms`)
    // A new worker takes the next one.
    const next = await remote.analyze(new VFile({value: sample, path: '/articles/poland.md'}))
    assert.ok(next.data.newsmark!.entities.length > 5)
  } finally {
    worker.dispose()
  }
})

test('analysis worker: one at a time, in order; a core error fails that analysis alone', async () => {
  const worker = new AnalysisWorker(script, () => 60)
  try {
    const remote = worker.wrap(core)
    const texts = [person, 'Poland left in 1997.', 'Ottawa, Canada.']
    const done: string[] = []
    const runs = texts.map((text, index) =>
      remote.analyze(new VFile({value: text, path: `/articles/${index}.md`})).then((file) => done.push(String(file.value)))
    )
    const failed = remote.analyze('Poland.', {rules: {'no-such-rule': 'off'}}).then(
      () => undefined,
      (error: unknown) => error
    )
    await Promise.all(runs)
    assert.deepEqual(done, texts)
    const error = await failed
    assert.ok(error instanceof Error)
    assert.match(error.message, /Unexpected rule id `no-such-rule` in `severities`/)
    // Options that cannot cross to the worker fail that analysis alone too.
    await assert.rejects(remote.analyze('Poland.', {referenceDate: (() => '2026-01-16') as unknown as string}), /could not be cloned/)
    // The worker carries on.
    assert.equal((await remote.analyze(person)).data.newsmark!.entities.length, 1)
    // Forgetting a document needs no answer and breaks nothing.
    remote.forget('/articles/0.md')
    assert.equal((await remote.analyze(new VFile({value: texts[0]!, path: '/articles/0.md'}))).data.newsmark!.entities.length, 1)
  } finally {
    worker.dispose()
  }
})

test('analysis worker: the analysis of an open document goes ahead of those waiting that are not', async () => {
  const worker = new AnalysisWorker(script, () => 60, (path) => path.startsWith('/open/'))
  try {
    // Loaded: the next request is sent at once.
    await worker.analyze(person)
    const done: string[] = []
    const run = (path: string) => worker.analyze(new VFile({value: person, path})).then(() => done.push(path))
    // The first is sent at once; the others wait, and the open ones go first, in their order.
    await Promise.all([run('/other/1.md'), run('/other/2.md'), run('/open/a.md'), run('/other/3.md'), run('/open/b.md')])
    assert.deepEqual(done, ['/other/1.md', '/open/a.md', '/open/b.md', '/other/2.md', '/other/3.md'])
  } finally {
    worker.dispose()
  }
})

test('analysis worker: inline annotations are read there as here', async () => {
  const worker = new AnalysisWorker(script, () => 60)
  try {
    const text =
      'According to him, :claim[output will rise by 25 times]{verdict=unverifiable source="https://example.org/a" note="No data"}.\n\n' +
      ':person[Tomczyk] said :claim[a]{verdict=maybe} and `:claim[in code]`.\n'
    const here = core.readDirectives(core.createProcessor().parse(text), text)
    assert.ok(here.annotations.length >= 2)
    assert.ok(here.problems.length > 0)
    assert.deepEqual(await worker.directives(text), here)
  } finally {
    worker.dispose()
  }
})

test('analysis worker: a worker that dies fails its request, and the next request gets a new one', async () => {
  const worker = new AnalysisWorker(path.resolve('test/extension/fixtures/crash-worker.cjs'), () => 60)
  try {
    await assert.rejects(worker.analyze('Poland.'), /The analysis worker exited \(code 3\)/)
    await assert.rejects(worker.directives(':claim[a]'), /The analysis worker exited \(code 3\)/)
  } finally {
    worker.dispose()
  }
})

test('analysis worker: a missing script or a disposed worker fails at once, never hangs', async () => {
  const missing = new AnalysisWorker(path.resolve('dist/no-such-worker.cjs'), () => 60)
  await assert.rejects(missing.analyze('Poland.'), /Cannot find module|no-such-worker/)
  missing.dispose()
  const worker = new AnalysisWorker(script, () => 60)
  const pending = worker.analyze('Poland.')
  worker.dispose()
  await assert.rejects(pending, /disposed/)
  await assert.rejects(worker.analyze('Poland.'), /disposed/)
})

test('analysis worker: ready() says whether a worker runs at all (the browser entry falls back when not)', async () => {
  const worker = new AnalysisWorker(script, () => 60)
  try {
    await worker.ready()
    await worker.ready()
  } finally {
    worker.dispose()
  }
  const missing = new AnalysisWorker(path.resolve('dist/no-such-worker.cjs'), () => 60)
  await assert.rejects(missing.ready(), /Cannot find module|no-such-worker/)
  missing.dispose()
  // A host that cannot start one (no `Worker` in a browser) rejects too.
  const none = new AnalysisRunner(() => {
    throw new Error('this browser host has no Web Workers')
  }, () => 60)
  await assert.rejects(none.ready(), /no Web Workers/)
  none.dispose()
})
