/**
 * The language server (`dist/server.mjs`, the `newsmark-language-server`
 * bin) over stdio, driven by a JSON-RPC client as an editor would: open
 * the sample article, get diagnostics (pushed, or pulled when the client
 * says it can), a hover, symbols, references, inlay hints and quick fixes.
 */
import assert from 'node:assert/strict'
import {spawn, type ChildProcess} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import test from 'node:test'
import {pathToFileURL} from 'node:url'
import {createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection} from 'vscode-jsonrpc/node'

const server = path.resolve('dist/server.mjs')
const sample = fs.readFileSync('examples/poland-ottawa.md', 'utf8')

interface Session {
  connection: MessageConnection
  child: ChildProcess
  published: Array<{uri: string; diagnostics: Array<{code?: string; message: string; range: {start: {line: number; character: number}}}>}>
  stderr: string[]
}

async function start(capabilities: object = {}, initializationOptions: object = {newsmark: {preset: 'strict'}}): Promise<Session> {
  assert.ok(fs.existsSync(server), 'dist/server.mjs is built (npm run build)')
  const child = spawn(process.execPath, [server, '--stdio'], {stdio: ['pipe', 'pipe', 'pipe']})
  const stderr: string[] = []
  child.stderr!.on('data', (chunk: Buffer) => stderr.push(String(chunk)))
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!))
  const published: Session['published'] = []
  connection.onNotification('textDocument/publishDiagnostics', (params: Session['published'][number]) => {
    published.push(params)
  })
  connection.onNotification('window/logMessage', () => undefined)
  connection.listen()
  const result = (await connection.sendRequest('initialize', {processId: process.pid, rootUri: null, capabilities, initializationOptions})) as {capabilities: Record<string, unknown>}
  assert.equal(result.capabilities['hoverProvider'], true)
  await connection.sendNotification('initialized', {})
  return {connection, child, published, stderr}
}

async function stop(session: Session): Promise<void> {
  await session.connection.sendRequest('shutdown')
  await session.connection.sendNotification('exit')
  await new Promise<void>((resolve) => {
    if (session.child.exitCode !== null) resolve()
    else session.child.once('exit', () => resolve())
  })
  session.connection.dispose()
}

async function open(session: Session, uri: string, text: string, version = 1): Promise<void> {
  await session.connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'markdown', version, text}})
}

/** Wait until `check` holds (the server answers on its own time; no clock is asserted). */
async function until<T>(check: () => T | undefined, what: string): Promise<T> {
  for (let tries = 0; tries < 600; tries++) {
    const value = check()
    if (value !== undefined) return value
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`gave up waiting for ${what}`)
}

/** An article (and optionally files beside it) in a new temporary folder. */
function article(text: string, beside: Record<string, string> = {}): {folder: string; file: string; uri: string} {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-server-'))
  const file = path.join(folder, 'article.md')
  fs.writeFileSync(file, text)
  for (const [name, content] of Object.entries(beside)) fs.writeFileSync(path.join(folder, name), content)
  return {folder, file, uri: pathToFileURL(file).href}
}

function positionOf(text: string, offset: number): {line: number; character: number} {
  const before = text.slice(0, offset).split('\n')
  return {line: before.length - 1, character: before.at(-1)!.length}
}

test('server: pushes diagnostics, answers hovers, symbols, references, inlay hints and quick fixes', async () => {
  const text = '---\ndate: 2024-05-02\n---\n\nThe minister slammed the report on Monday. Anna Nowak said the plan would cost 40 million euros.\n'
  const {folder, uri} = article(text)
  const session = await start()
  try {
    await open(session, uri, text)
    const pushed = await until(() => session.published.find((item) => item.uri === uri), 'diagnostics')
    const loaded = pushed.diagnostics.find((item) => item.code === 'loaded-verb')
    assert.ok(loaded, JSON.stringify(pushed))
    assert.deepEqual(loaded.range.start, positionOf(text, text.indexOf('slammed')))

    const hover = (await session.connection.sendRequest('textDocument/hover', {textDocument: {uri}, position: positionOf(text, text.indexOf('Anna Nowak') + 2)})) as {contents: {kind: string; value: string}}
    assert.equal(hover.contents.kind, 'markdown')
    assert.match(hover.contents.value, /^\*\*Anna Nowak\*\* · Person/)
    assert.doesNotMatch(hover.contents.value, /\$\(/)

    const dateHover = (await session.connection.sendRequest('textDocument/hover', {textDocument: {uri}, position: positionOf(text, text.indexOf('Monday') + 1)})) as {contents: {value: string}}
    assert.match(dateHover.contents.value, /2024\\-04\\-29/)

    const symbols = (await session.connection.sendRequest('textDocument/documentSymbol', {textDocument: {uri}})) as Array<{name: string; children?: unknown[]}>
    assert.ok(symbols.some((symbol) => symbol.name === 'Entities'))
    assert.ok(symbols.some((symbol) => symbol.name === 'Findings'))

    const references = (await session.connection.sendRequest('textDocument/references', {textDocument: {uri}, position: positionOf(text, text.indexOf('Anna Nowak')), context: {includeDeclaration: true}})) as Array<{uri: string}>
    assert.ok(references.length >= 1 && references.every((item) => item.uri === uri))

    const hints = (await session.connection.sendRequest('textDocument/inlayHint', {textDocument: {uri}, range: {start: {line: 0, character: 0}, end: {line: 10, character: 0}}})) as Array<{label: string; position: {line: number; character: number}}>
    const monday = hints.find((hint) => hint.label === '→ 29 Apr 2024')
    assert.ok(monday, JSON.stringify(hints))
    assert.deepEqual(monday.position, positionOf(text, text.indexOf('Monday') + 'Monday'.length))

    const actions = (await session.connection.sendRequest('textDocument/codeAction', {
      textDocument: {uri},
      range: {start: loaded.range.start, end: loaded.range.start},
      context: {diagnostics: [loaded]}
    })) as Array<{title: string; edit: {changes: Record<string, Array<{newText: string}>>}}>
    const disable = actions.find((action) => action.title === 'Disable loaded-verb for this file')
    assert.ok(disable, JSON.stringify(actions.map((action) => action.title)))
    // After the front matter, before the blank line there.
    assert.equal(disable.edit.changes[uri]![0]!.newText, '<!-- newsmark disable loaded-verb -->\n')

    const tags = (await session.connection.sendRequest('newsmark/tags', {uri})) as {entities: Array<{name: string}>; dates: Array<{value: string}>}
    assert.ok(tags.entities.some((entity) => entity.name === 'Anna Nowak'))
    assert.ok(tags.dates.some((date) => date.value === '2024-04-29'))

    // An edit: the findings follow the text.
    const before = session.published.length
    await session.connection.sendNotification('textDocument/didChange', {
      textDocument: {uri, version: 2},
      contentChanges: [{range: {start: positionOf(text, text.indexOf('slammed')), end: positionOf(text, text.indexOf('slammed') + 'slammed'.length)}, text: 'criticised'}]
    })
    const next = await until(() => session.published.slice(before).find((item) => item.uri === uri), 'diagnostics after an edit')
    assert.equal(next.diagnostics.some((item) => item.code === 'loaded-verb'), false)
  } finally {
    await stop(session)
    fs.rmSync(folder, {recursive: true, force: true})
  }
  assert.deepEqual(session.stderr, [])
})

test('server: a client that pulls diagnostics gets them on request; .newsmarkrc and the sidecar apply', async () => {
  const text = `${sample}\nThe minister slammed the plan, and the mayor blasted it.\n`
  const {folder, uri} = article(text, {'.newsmarkrc': 'preset: strict\nrules:\n  loaded-verb: off\n', 'article.md.newsmark.json': '{"broken": '})
  const session = await start({textDocument: {diagnostic: {dynamicRegistration: false}}}, {})
  try {
    await open(session, uri, text)
    const report = (await session.connection.sendRequest('textDocument/diagnostic', {textDocument: {uri}})) as {kind: string; items: Array<{code?: string; severity: number; message: string}>}
    assert.equal(report.kind, 'full')
    assert.ok(report.items.length > 0)
    assert.equal(report.items.some((item) => item.code === 'loaded-verb'), false, '.newsmarkrc turned it off')
    const sidecar = report.items.find((item) => item.code === 'sidecar-invalid')
    assert.ok(sidecar, JSON.stringify(report.items.map((item) => item.code)))
    assert.equal(sidecar.severity, 1)
    assert.equal(session.published.length, 0, 'nothing pushed to a client that pulls')
    // Without the .newsmarkrc, the same text has loaded verbs.
    fs.rmSync(path.join(folder, '.newsmarkrc'))
    await session.connection.sendNotification('workspace/didChangeConfiguration', {settings: {newsmark: {preset: 'strict'}}})
    const again = (await session.connection.sendRequest('textDocument/diagnostic', {textDocument: {uri}})) as {items: Array<{code?: string}>}
    assert.ok(again.items.filter((item) => item.code === 'loaded-verb').length >= 2)
  } finally {
    await stop(session)
    fs.rmSync(folder, {recursive: true, force: true})
  }
})

test('server: a broken .newsmarkrc is an error diagnostic and the defaults apply', async () => {
  const {folder, uri} = article(sample, {'.newsmarkrc': 'rules: [unclosed\n'})
  const session = await start()
  try {
    await open(session, uri, sample)
    const pushed = await until(() => session.published.find((item) => item.uri === uri), 'diagnostics')
    const problem = pushed.diagnostics.find((item) => item.code === 'config-invalid')
    assert.ok(problem, JSON.stringify(pushed.diagnostics.map((item) => item.code)))
    assert.match(problem.message, /^Newsmark configuration not used \(the defaults apply\): /)
  } finally {
    await stop(session)
    fs.rmSync(folder, {recursive: true, force: true})
  }
})

test('server: an article the .newsmarkrc’s files: leaves out is not analysed, and says why', async () => {
  const {folder, uri} = article(sample, {'.newsmarkrc': 'files:\n  exclude: [article.md]\n'})
  const session = await start()
  try {
    await open(session, uri, sample)
    const pushed = await until(() => session.published.find((item) => item.uri === uri), 'diagnostics')
    assert.deepEqual(pushed.diagnostics.map((item) => item.code), ['analysis-skipped'])
    assert.match(pushed.diagnostics[0]!.message, /it matches `article\.md` in files\.exclude of .*\.newsmarkrc/)
  } finally {
    await stop(session)
    fs.rmSync(folder, {recursive: true, force: true})
  }
})

test('server: an analysis past analysis.timeout is stopped in its worker; the server goes on', async () => {
  const session = await start({}, {newsmark: {preset: 'strict', analysis: {timeout: 1}}})
  try {
    // Thousands of nested quotes: the Markdown parser takes seconds.
    await open(session, 'untitled:nested', '> '.repeat(60_000) + 'Tomczyk said.\n')
    const pushed = await until(() => session.published.find((item) => item.uri === 'untitled:nested'), 'diagnostics of the nested quotes')
    assert.equal(pushed.diagnostics.length, 1)
    assert.equal(pushed.diagnostics[0]!.code, 'analysis-skipped')
    assert.match(pushed.diagnostics[0]!.message, /^Newsmark did not analyse this article: the analysis ran past newsmark\.analysis\.timeout \(1 s\)/)
    // The next article is analysed by a new worker.
    await open(session, 'untitled:next', 'The minister slammed the report.\n')
    const next = await until(() => session.published.find((item) => item.uri === 'untitled:next'), 'diagnostics of the next article')
    assert.ok(next.diagnostics.some((item) => item.code === 'loaded-verb'))
  } finally {
    await stop(session)
  }
})

test('server: annotation commands write the sidecar under its lock; the article is analysed again with them', async () => {
  const text = '---\ndate: 2024-05-02\n---\n\nAnna Nowak met the harbour master in Gdańsk. According to the port, traffic rose by 40 percent last year.\n'
  const {folder, file, uri} = article(text)
  const session = await start({textDocument: {diagnostic: {dynamicRegistration: false}}})
  const range = (words: string) => ({start: positionOf(text, text.indexOf(words)), end: positionOf(text, text.indexOf(words) + words.length)})
  try {
    await open(session, uri, text)
    const tagged = (await session.connection.sendRequest('workspace/executeCommand', {
      command: 'newsmark.tag',
      arguments: [{uri, range: range('the harbour master'), type: 'PER', role: 'port official'}]
    })) as {sidecar: string}
    assert.equal(tagged.sidecar, pathToFileURL(`${file}.newsmark.json`).href)
    let tags = (await session.connection.sendRequest('newsmark/tags', {uri})) as {entities: Array<{name: string; origin?: string; role?: string}>}
    const master = tags.entities.find((entity) => entity.name === 'the harbour master')
    assert.deepEqual([master?.origin, master?.role], ['human', 'port official'])

    await session.connection.sendRequest('workspace/executeCommand', {
      command: 'newsmark.setVerdict',
      arguments: [{uri, range: range('traffic rose by 40 percent'), verdict: 'misleading', source: 'https://example.org/port-figures', note: 'Cargo fell.'}]
    })
    const hover = (await session.connection.sendRequest('textDocument/hover', {textDocument: {uri}, position: positionOf(text, text.indexOf('traffic') + 2)})) as {contents: {value: string}}
    assert.match(hover.contents.value, /Verdict: \*\*misleading\*\*/)
    assert.match(hover.contents.value, /Note: Cargo fell\\\./)
    const sidecar = JSON.parse(fs.readFileSync(`${file}.newsmark.json`, 'utf8')) as {first: {items: Array<{id: string; motivation: string}>}}
    assert.deepEqual(sidecar.first.items.map((item) => item.motivation).sort(), ['assessing', 'identifying'])

    // Removed again by id.
    const id = sidecar.first.items.find((item) => item.motivation === 'identifying')!.id
    await session.connection.sendRequest('workspace/executeCommand', {command: 'newsmark.removeAnnotation', arguments: [{uri, id}]})
    tags = (await session.connection.sendRequest('newsmark/tags', {uri})) as typeof tags
    assert.equal(tags.entities.some((entity) => entity.name === 'the harbour master'), false)

    // Bad requests: an error answer, the sidecar as it was.
    const before = fs.readFileSync(`${file}.newsmark.json`, 'utf8')
    for (const [command, argument, message] of [
      ['newsmark.setVerdict', {uri, range: range('traffic'), verdict: 'maybe'}, /verdict/],
      ['newsmark.tag', {uri, range: range('traffic')}, /expected a `type`/],
      ['newsmark.removeAnnotation', {uri, id: 'urn:uuid:none'}, /no annotation/],
      ['newsmark.tag', {uri: 'file:///not/open.md', range: range('traffic'), type: 'PER'}, /is not open/],
      ['newsmark.format', {uri}, /Unexpected command/]
    ] as const) {
      await assert.rejects(session.connection.sendRequest('workspace/executeCommand', {command, arguments: [argument]}), message, command)
    }
    assert.equal(fs.readFileSync(`${file}.newsmark.json`, 'utf8'), before)
  } finally {
    await stop(session)
    fs.rmSync(folder, {recursive: true, force: true})
  }
})
