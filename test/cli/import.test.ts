import assert from 'node:assert/strict'
import {spawn, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import test from 'node:test'
import {fetchPage} from '../../src/node/fetch-page.ts'
import {proxyFor, proxyFromEnv} from '../../src/node/proxy.ts'

const cli = path.resolve('dist/cli.mjs')
const fixtures = path.resolve('test/fixtures/import')
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-import-'))
const page = (name: string) => fs.readFileSync(path.join(fixtures, name))
/** Requests the proxy tunnelled (`CONNECT host:port`). */
const tunnelled: string[] = []
let base = ''

// A news site on 127.0.0.1, and a proxy on the same port (CONNECT tunnels
// come back to it, whatever host they name).
const server = http.createServer((request, response) => {
  const url = request.url ?? '/'
  const html = (body: Buffer | string, type = 'text/html; charset=utf-8') => {
    response.writeHead(200, {'content-type': type})
    response.end(body)
  }
  const redirect = (location: string, status = 301) => {
    response.writeHead(status, {location})
    response.end()
  }
  if (url === '/news/2026/04/21/school-meals') return html(page('noisy.html'))
  if (url === '/old-address') return redirect('/news/2026/04/21/school-meals')
  if (url === '/loop-a') return redirect('/loop-b', 302)
  if (url === '/loop-b') return redirect('/loop-a', 302)
  if (url.startsWith('/chain/')) return redirect(`/chain/${Number(url.slice(7)) + 1}`, 307)
  if (url === '/to-ftp') return redirect('ftp://files.example/a.html')
  if (url === '/slow') return undefined
  if (url === '/slow-body') {
    response.writeHead(200, {'content-type': 'text/html'})
    response.write('<!doctype html><html><body><p>')
    return undefined
  }
  if (url === '/report.pdf') return html('%PDF-1.7', 'application/pdf')
  if (url === '/untyped') {
    response.writeHead(200, {'content-type': ''})
    return response.end('{"not": "html"}')
  }
  if (url === '/big') {
    response.writeHead(200, {'content-type': 'text/html'})
    return response.end('<!doctype html><p>' + 'x'.repeat(300_000))
  }
  if (url === '/latin1') {
    const text = page('opengraph.html').toString('utf8').replace('<meta charset="utf-8">', '').replace('Calder valley', 'Calder vallée').replaceAll('’', "'").replaceAll(/[“”]/g, '"')
    return html(Buffer.from(text, 'latin1'), 'text/html; charset=ISO-8859-1')
  }
  if (url === '/paywalled') return html(page('paywall.html'))
  if (url === '/section') return html(page('no-article.html'))
  response.writeHead(404, {'content-type': 'text/html'})
  response.end('<h1>Not found</h1>')
})
server.on('connect', (request, socket) => {
  tunnelled.push(request.url ?? '')
  const upstream = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1', () => {
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
    upstream.pipe(socket)
    socket.pipe(upstream)
  })
  upstream.on('error', () => socket.destroy())
  socket.on('error', () => upstream.destroy())
})

test.before(async () => {
  if (!fs.existsSync(cli)) spawnSync(process.execPath, ['esbuild.mjs'], {stdio: 'inherit'})
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`
})

test.after(() => {
  server.closeAllConnections()
  server.close()
  fs.rmSync(temp, {recursive: true, force: true})
})

/** Run the CLI without blocking the server (it runs in this process). */
function run(args: string[], env: Record<string, string> = {}): Promise<{code: number | null; stdout: string; stderr: string}> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/_proxy$/i.test(name)))
  const child = spawn(process.execPath, [cli, ...args], {cwd: temp, env: {...clean, ...env}})
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  return new Promise((resolve) => child.on('close', (code) => resolve({code, stdout, stderr})))
}

test('cli import: a URL, written under the headline’s slug; the date from the address', async () => {
  const {code, stderr} = await run(['import', `${base}/news/2026/04/21/school-meals`])
  assert.equal(code, 0, stderr)
  const written = path.join(temp, 'school-meals-contract-goes-to-local-supplier.md')
  const text = fs.readFileSync(written, 'utf8')
  assert.match(text, /^---\ntitle: School meals contract goes to local supplier\ndate: 2026-04-21\nsource: Eastbury Post\nurl: http:\/\/127\.0\.0\.1:\d+\/news\/2026\/04\/21\/school-meals\nlanguage: en\nretrieved: \d{4}-\d\d-\d\d\n---\n\n# School meals/)
  assert.doesNotMatch(text, /_MARKER/)
  assert.match(stderr, /^newsmark: warning: Date 2026-04-21 taken from the address: check it$/m)
  assert.match(stderr, /^newsmark: wrote school-meals-contract-goes-to-local-supplier\.md \(\d+ words\)$/m)

  const again = await run(['import', `${base}/news/2026/04/21/school-meals`])
  assert.equal(again.code, 2)
  assert.match(again.stderr, /school-meals-contract-goes-to-local-supplier\.md: already exists; not overwriting it \(use --force to replace it\)/)
  fs.writeFileSync(written, 'mine')
  const forced = await run(['import', `${base}/news/2026/04/21/school-meals`, '--force'])
  assert.equal(forced.code, 0, forced.stderr)
  assert.match(fs.readFileSync(written, 'utf8'), /^---\ntitle: School meals/)
})

test('cli import: --out, and a redirect followed (the final address is the url)', async () => {
  const {code, stderr} = await run(['import', `${base}/old-address`, '--out', 'meals.md'])
  assert.equal(code, 0, stderr)
  assert.match(fs.readFileSync(path.join(temp, 'meals.md'), 'utf8'), /^url: http:\/\/127\.0\.0\.1:\d+\/news\/2026\/04\/21\/school-meals$/m)
  assert.match(stderr, /\/old-address redirected/)
})

test('cli import: --out - writes to stdout', async () => {
  const {code, stdout} = await run(['import', path.join(fixtures, 'opengraph.html'), '--out', '-'])
  assert.equal(code, 0)
  assert.match(stdout, /^---\ntitle: Orchard growers report record apple harvest\n/)
})

test('cli import: a saved page', async () => {
  const {code, stderr} = await run(['import', path.join(fixtures, 'jsonld-newsarticle.html'), '-o', 'bridge.md'])
  assert.equal(code, 0, stderr)
  assert.match(fs.readFileSync(path.join(temp, 'bridge.md'), 'utf8'), /^date: 2026-03-04$/m)
})

test('cli import: a charset other than UTF-8', async () => {
  const {code, stdout, stderr} = await run(['import', `${base}/latin1`, '--out', '-'])
  assert.equal(code, 0, stderr)
  assert.match(stdout, /Calder vallée/)
})

test('cli import: one clear line, exit 2, nothing written, for every failure', async () => {
  const cases: Array<[string[], RegExp]> = [
    [['import', `${base}/loop-a`], /redirect loop \(.*\/loop-a → .*\/loop-b → .*\/loop-a\)/],
    [['import', `${base}/chain/0`], /more than 10 redirects/],
    [['import', `${base}/to-ftp`], /redirects to ftp: \(only http: and https: are followed\)/],
    [['import', `${base}/slow`, '--timeout', '0.3'], /\/slow: no complete answer within 0\.3 s/],
    [['import', `${base}/slow-body`, '--timeout', '0.3'], /\/slow-body: no complete answer within 0\.3 s/],
    [['import', `${base}/report.pdf`], /is application\/pdf, not a web page/],
    [['import', `${base}/untyped`], /has no content type and does not look like HTML/],
    [['import', `${base}/missing`], /the server answered HTTP 404 Not Found/],
    [['import', `${base}/big`, '--max-size', '0.1'], /the page is over the 0\.1 MB limit/],
    [['import', `${base}/paywalled`], /looks paywalled/],
    [['import', `${base}/section`], /no article found in the page: its main text is mostly links/],
    [['import', 'ftp://files.example/a.html'], /only http: and https: addresses can be imported, not ftp:/],
    [['import', 'file:///tmp/a.html'], /give the file's path, not a file: URL/],
    [['import', 'no-such-page.html'], /no-such-page\.html: no such file/],
    [['import', path.join(fixtures, 'README.md')], /does not look like a web page/],
    [['import'], /import: expected one URL or FILE\.html/],
    [['import', `${base}/paywalled`, '--timeout', 'soon'], /--timeout: expected a number of seconds/],
    [['import', path.join(fixtures, 'amp.html'), '--out', 'no-folder/a.md'], /its folder does not exist/]
  ]
  const before = fs.readdirSync(temp).sort()
  for (const [args, expected] of cases) {
    const {code, stderr} = await run(args)
    assert.equal(code, 2, `${args.join(' ')}: ${stderr}`)
    assert.match(stderr, expected, args.join(' '))
    assert.equal(stderr.trim().split('\n').length, 1, stderr)
  }
  assert.deepEqual(fs.readdirSync(temp).sort(), before)
})

test('cli import: HTTP_PROXY is used, and NO_PROXY bypasses it', async () => {
  tunnelled.length = 0
  // A host only the proxy knows: the tunnel leads back to the test server.
  const {code, stderr} = await run(['import', 'http://news.invalid/news/2026/04/21/school-meals', '--out', 'proxied.md'], {HTTP_PROXY: base})
  assert.equal(code, 0, stderr)
  assert.deepEqual(tunnelled, ['news.invalid:80'])
  assert.match(fs.readFileSync(path.join(temp, 'proxied.md'), 'utf8'), /^url: http:\/\/news\.invalid\/news\/2026\/04\/21\/school-meals$/m)

  const direct = await run(['import', `${base}/news/2026/04/21/school-meals`, '--out', 'direct.md'], {http_proxy: 'http://127.0.0.1:1', NO_PROXY: 'localhost,127.0.0.1'})
  assert.equal(direct.code, 0, direct.stderr)
  assert.equal(tunnelled.length, 1)
})

test('proxy: which proxy an address goes through', () => {
  const settings = proxyFromEnv({HTTPS_PROXY: 'http://proxy:3128', http_proxy: 'http://plain:8080', NO_PROXY: 'internal.example, .corp.example,localhost:8080'})
  assert.deepEqual(settings, {httpProxy: 'http://plain:8080', httpsProxy: 'http://proxy:3128', noProxy: 'internal.example, .corp.example,localhost:8080'})
  assert.equal(proxyFor('https://news.example/a', settings), 'http://proxy:3128')
  assert.equal(proxyFor('http://news.example/a', settings), 'http://plain:8080')
  assert.equal(proxyFor('https://internal.example/a', settings), undefined)
  assert.equal(proxyFor('https://www.internal.example/a', settings), undefined)
  assert.equal(proxyFor('https://notinternal.example/a', settings), 'http://proxy:3128')
  assert.equal(proxyFor('https://a.corp.example/a', settings), undefined)
  assert.equal(proxyFor('http://localhost:8080/a', settings), undefined)
  assert.equal(proxyFor('http://localhost:9090/a', settings), 'http://plain:8080')
  assert.equal(proxyFor('https://x.example/', {httpProxy: 'http://only-http:1'}), 'http://only-http:1')
  assert.equal(proxyFor('https://x.example/', {httpsProxy: 'http://p:1', noProxy: '*'}), undefined)
  assert.equal(proxyFor('https://x.example/', {}), undefined)
})

test('fetchPage: the reader’s cancel stops the download', async () => {
  const controller = new AbortController()
  const pending = fetchPage(`${base}/slow`, {signal: controller.signal})
  setImmediate(() => controller.abort(new Error('cancelled by the reader')))
  await assert.rejects(pending, /cancelled by the reader/)
})
