import assert from 'node:assert/strict'
import {spawn, spawnSync} from 'node:child_process'
import {once} from 'node:events'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import test from 'node:test'
import {rejectTag, serializeSidecar, setVerdict, tagSelection, type Annotation} from '../../src/core/annotations/index.ts'
import {checkClaimReview} from '../core/claimreview-checks.ts'
import {checkCollection} from '../core/web-annotation-checks.ts'
import {cli, runCli, spawnCli} from './run-cli.ts'

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-export-'))
const source = fs.readFileSync('examples/poland-ottawa.md', 'utf8')
const article = path.join(temp, 'poland-ottawa.md')
const now = '2026-01-20T10:00:00.000Z'

test.before(() => {
  if (!fs.existsSync(cli)) spawnSync(process.execPath, ['esbuild.mjs'], {stdio: 'inherit'})
  fs.writeFileSync(article, source)
  fs.writeFileSync(article + '.newsmark.json', serializeSidecar(sidecar(), source, 'poland-ottawa.md'))
})

test.after(() => fs.rmSync(temp, {recursive: true, force: true}))

function at(text: string) {
  const start = source.indexOf(text)
  return {start, end: start + text.length}
}

function sidecar(): Annotation[] {
  const reader = {type: 'Person' as const, name: 'Ada Reader'}
  return setVerdict(
    [tagSelection(source, at('BELMA plant'), 'ORG', {creator: reader, now, id: 'urn:uuid:1'})],
    source,
    at('European governments use these claims'),
    'unverifiable',
    {source: 'https://example.org/belma', creator: reader, now, id: 'urn:uuid:2'}
  )
}

// In this process; the notes export runs the binary.
const run = (...args: string[]) => runCli(args, {cwd: temp})

test('cli export: notes to stdout, with the sidecar’s annotations', () => {
  const {code, stdout, stderr} = spawnCli(['export', 'poland-ottawa.md', '--to', 'notes'], {cwd: temp})
  assert.equal(code, 0, stderr)
  assert.equal(stderr, '')
  assert.ok(stdout.startsWith('# Poland to leave the Ottawa Convention'))
  assert.match(stdout, /^- \*\*BELMA plant\*\* \(\[line 15\]\(poland-ottawa\.md#L15\), tagged by hand\)$/m)
  assert.match(stdout, /\*\*Verdict: unverifiable\*\* on “European governments use these claims”/)
})

test('cli export: every format to a file, parsed back', async () => {
  const outputs: Record<string, (text: string) => void> = {
    notes(text) {
      assert.match(text, /^## Claims$/m)
      assert.match(text, /\[line 11\]\(\.\.\/poland-ottawa\.md#L11\)/, 'links are relative to the output folder')
    },
    json(text) {
      const data = JSON.parse(text)
      assert.equal(data.file, '../poland-ottawa.md')
      assert.equal(data.annotations.length, 2)
    },
    webannotation(text) {
      const data = JSON.parse(text)
      assert.equal(data.type, 'AnnotationCollection')
      assert.ok(data.first.items.some((item: {creator?: {name: string}}) => item.creator?.name === 'Ada Reader'))
    },
    claimreview(text) {
      const data = JSON.parse(text)
      assert.equal(data['@graph'][0]['@type'], 'ClaimReview')
      assert.equal(data['@graph'][0].reviewRating.alternateName, 'Unverifiable')
    },
    csv(text) {
      const lines = text.split('\r\n')
      assert.ok(lines[0]!.startsWith('file,kind,type,id,text,'))
      assert.ok(lines.length > 50)
    }
  }
  fs.mkdirSync(path.join(temp, 'out'), {recursive: true})
  const published = ['--base-url', 'https://news.example.org/', '--review-url', 'https://factcheck.example.org/{id}', '--publisher', 'Example Fact Check']
  for (const [format, check] of Object.entries(outputs)) {
    const output = path.join('out', `export.${format}`)
    const {code, stdout, stderr} = await run('export', 'poland-ottawa.md', '--to', format, '-o', output, ...published)
    assert.equal(code, 0, stderr)
    assert.equal(stdout, '')
    assert.equal(stderr, `newsmark: wrote ${output}\n`)
    check(fs.readFileSync(path.join(temp, output), 'utf8'))
  }
})

test('cli export: an existing output is not overwritten without --force', async () => {
  const output = path.join(temp, 'keep.json')
  fs.writeFileSync(output, 'precious')
  const refused = await run('export', 'poland-ottawa.md', '--to', 'json', '-o', 'keep.json')
  assert.equal(refused.code, 2)
  assert.equal(refused.stderr, 'newsmark: keep.json: already exists; not overwriting it (use --force to replace it)\n')
  assert.equal(fs.readFileSync(output, 'utf8'), 'precious')
  const forced = await run('export', 'poland-ottawa.md', '--to', 'json', '--output', 'keep.json', '--force')
  assert.equal(forced.code, 0, forced.stderr)
  assert.equal(JSON.parse(fs.readFileSync(output, 'utf8')).file, 'poland-ottawa.md')
})

test('cli export: --force writes through a symbolic link, which stays', async () => {
  fs.writeFileSync(path.join(temp, 'real.json'), 'old')
  fs.symlinkSync('real.json', path.join(temp, 'link.json'))
  const {code, stderr} = await run('export', 'poland-ottawa.md', '--to', 'json', '-o', 'link.json', '--force')
  assert.equal(code, 0, stderr)
  assert.ok(fs.lstatSync(path.join(temp, 'link.json')).isSymbolicLink(), 'the link is not replaced by a file')
  assert.equal(JSON.parse(fs.readFileSync(path.join(temp, 'real.json'), 'utf8')).file, 'poland-ottawa.md')
})

test('cli export: --force never writes over an article exported, nor its sidecar, under any name', async () => {
  fs.copyFileSync(article, path.join(temp, 'same.md'))
  fs.symlinkSync('same.md', path.join(temp, 'same-link.md'))
  fs.linkSync(path.join(temp, 'same.md'), path.join(temp, 'same-hard.md'))
  fs.copyFileSync(article + '.newsmark.json', path.join(temp, 'same.md.newsmark.json'))
  const cases: Array<[string, string]> = [
    ['same.md', 'same.md: is same.md, an input of this export'],
    ['./same.md', './same.md: is same.md, an input of this export'],
    ['same-link.md', 'same-link.md: is same.md, an input of this export'],
    ['same-hard.md', 'same-hard.md: is same.md, an input of this export'],
    ['same.md.newsmark.json', 'same.md.newsmark.json: is the annotation sidecar of same.md, an input of this export']
  ]
  for (const [output, reason] of cases) {
    const {code, stderr} = await run('export', 'same.md', '--to', 'notes', '-o', output, '--force')
    assert.equal(code, 2)
    assert.equal(stderr, `newsmark: ${reason}; not overwriting it, expected another file to write the export to\n`)
  }

  assert.equal(fs.readFileSync(path.join(temp, 'same.md'), 'utf8'), source)
  assert.equal(fs.readFileSync(path.join(temp, 'same.md.newsmark.json'), 'utf8'), fs.readFileSync(article + '.newsmark.json', 'utf8'))
})

test('cli export: --force keeps the mode and hard links of OUT, and refuses a read-only one', async () => {
  const output = path.join(temp, 'private.json')
  fs.writeFileSync(output, 'old')
  fs.chmodSync(output, 0o600)
  fs.linkSync(output, path.join(temp, 'private-too.json'))
  const forced = await run('export', 'poland-ottawa.md', '--to', 'json', '-o', 'private.json', '--force')
  assert.equal(forced.code, 0, forced.stderr)
  assert.equal(fs.statSync(output).mode & 0o777, 0o600)
  assert.equal(JSON.parse(fs.readFileSync(path.join(temp, 'private-too.json'), 'utf8')).file, 'poland-ottawa.md')

  const locked = path.join(temp, 'locked.json')
  fs.writeFileSync(locked, 'old')
  fs.chmodSync(locked, 0o444)
  const refused = await run('export', 'poland-ottawa.md', '--to', 'json', '-o', 'locked.json', '--force')
  assert.equal(refused.code, 2)
  assert.equal(refused.stderr, 'newsmark: locked.json: is read-only; not replacing it (make it writable first, or write elsewhere)\n')
  assert.equal(fs.readFileSync(locked, 'utf8'), 'old')
})

test('cli export: --force writes into a named pipe, never replaces it', async (t) => {
  const fifo = path.join(temp, 'pipe')
  if (spawnSync('mkfifo', [fifo]).status !== 0) return t.skip('no mkfifo')
  const received = path.join(temp, 'from-pipe.json')
  const out = fs.openSync(received, 'w')
  const reader = spawn('cat', [fifo], {stdio: ['ignore', out, 'ignore']})
  // Listened for from the start: the reader may be done before the export
  // (in this process) returns.
  const exited = once(reader, 'exit')
  fs.closeSync(out)
  try {
    const {code, stderr} = await run('export', 'poland-ottawa.md', '--to', 'json', '-o', 'pipe', '--force')
    assert.equal(code, 0, stderr)
    assert.ok(fs.statSync(fifo).isFIFO(), 'the pipe is still a pipe')
    await exited
    assert.equal(JSON.parse(fs.readFileSync(received, 'utf8')).file, 'poland-ottawa.md')
  } finally {
    if (reader.exitCode === null) reader.kill()
  }
})

test('cli export: a broken sidecar stops the export with a clear message', async () => {
  const broken = path.join(temp, 'broken.md')
  fs.writeFileSync(broken, source)
  fs.writeFileSync(broken + '.newsmark.json', '{"type": "AnnotationCollection", "first": {"items": [\n  {"id": "urn:x", "type": "Annotation"}\n]}}')
  const {code, stdout, stderr} = await run('export', 'broken.md', '--to', 'csv', '-o', 'broken.csv')
  assert.equal(code, 2)
  assert.equal(stdout, '')
  assert.equal(
    stderr,
    [
      'newsmark: broken.md.newsmark.json: 2 problems in the annotation sidecar:',
      '  - annotation 1 (urn:x): missing `motivation`, expected identifying, tagging, moderating, linking or assessing',
      '  - annotation 1 (urn:x): `target`: expected an object with a `selector`, not nothing',
      'newsmark: export: nothing written, fix the errors above first',
      ''
    ].join('\n')
  )
  assert.ok(!fs.existsSync(path.join(temp, 'broken.csv')))

  fs.writeFileSync(broken + '.newsmark.json', '{"type": "AnnotationCollection",\n  "total": 1,\n}\n')
  const json = await run('export', 'broken.md', '--to', 'csv')
  assert.equal(json.code, 2)
  assert.match(json.stderr, /^newsmark: broken\.md\.newsmark\.json: 1 problem in the annotation sidecar:\n {2}- not valid JSON: line 3, column 1: unexpected "}", expected a property name in double quotes\n/)
})

test('cli export: orphans and inline directives', async () => {
  const changed = path.join(temp, 'changed.md')
  const text = source
    .replace('BELMA plant', 'arms factory')
    .replace('Finland’s withdrawal from the Ottawa Convention took effect last week.', ':claim[Finland’s withdrawal from the Ottawa Convention took effect last week]{verdict=true source="https://example.org/fi"}.')
  fs.writeFileSync(changed, text)
  fs.copyFileSync(article + '.newsmark.json', changed + '.newsmark.json')
  const {code, stdout, stderr} = await run('export', 'changed.md', '--to', 'json')
  assert.equal(code, 0, stderr)
  assert.equal(stderr, 'newsmark: changed.md: orphaned annotation urn:uuid:1 (tag): quote not found: “BELMA plant”\n')
  const data = JSON.parse(stdout)
  assert.deepEqual(data.orphans.map((item: {id: string}) => item.id), ['urn:uuid:1'])
  // In the article's order: the inline verdict on Finland, then the sidecar's on the Kremlin's claim.
  assert.deepEqual(
    data.claims.flatMap((claim: {verdicts: Array<{verdict: string}>}) => claim.verdicts.map((verdict) => verdict.verdict)),
    ['true', 'unverifiable']
  )
  const reviews = JSON.parse((await run('export', 'changed.md', '--to', 'claimreview')).stdout)['@graph']
  assert.equal(reviews[0].claimReviewed, 'Finland’s withdrawal from the Ottawa Convention took effect last week')
  assert.equal(reviews[1].claimReviewed, 'European governments use these claims')
})

test('cli export: several files, with a workspace-wide rejection, and usage errors', async () => {
  const other = path.join(temp, 'other.md')
  fs.writeFileSync(other, source)
  fs.writeFileSync(
    other + '.newsmark.json',
    serializeSidecar([rejectTag(source, at('Radio Zet'), {scope: 'workspace', now, id: 'urn:uuid:w'})], source, 'other.md')
  )
  const two = await run('export', 'poland-ottawa.md', 'other.md', '--to', 'json')
  assert.equal(two.code, 0, two.stderr)
  const [first, second] = JSON.parse(two.stdout)
  for (const data of [first, second]) {
    assert.ok(!data.entities.some((entity: {name: string}) => entity.name === 'Radio Zet'), `${data.file}: “Radio Zet” rejected`)
  }

  const alone = JSON.parse((await run('export', 'poland-ottawa.md', '--to', 'json')).stdout)
  assert.ok(alone.entities.some((entity: {name: string}) => entity.name === 'Radio Zet'), 'only for the files exported together')

  const cases: Array<[string[], string]> = [
    [['export', 'poland-ottawa.md'], 'newsmark: export: expected --to notes|json|webannotation|claimreview|csv\n'],
    [['export', 'poland-ottawa.md', '--to', 'pdf'], 'newsmark: --to: expected notes|json|webannotation|claimreview|csv, not `pdf`\n'],
    [['export', '--to', 'csv'], 'newsmark: export: expected at least one FILE\n'],
    [['export', 'poland-ottawa.md', '--to', 'csv', '-o', '.'], 'newsmark: .: is a folder, expected a file to write the export to\n'],
    [['export', 'poland-ottawa.md', '--to', 'csv', '-o', 'no/such/out.csv'], 'newsmark: no/such/out.csv: its folder does not exist\n'],
    [
      ['export', 'poland-ottawa.md', '--to', 'csv', '-o', 'poland-ottawa.md/out.csv'],
      'newsmark: poland-ottawa.md/out.csv: part of its path is a file, not a folder\n'
    ],
    [['export', 'missing.md', '--to', 'csv'], 'newsmark: missing.md: no such file\nnewsmark: export: nothing written, fix the errors above first\n']
  ]
  for (const [args, message] of cases) {
    const {code, stdout, stderr} = await run(...args)
    assert.equal(code, 2, args.join(' '))
    assert.equal(stdout, '')
    assert.equal(stderr, message)
  }
})

test('cli export: the sample’s Web Annotations and ClaimReviews pass the standards’ checks (docs/export.md)', async () => {
  const folder = path.join(temp, 'sample')
  fs.mkdirSync(path.join(folder, 'reviews'), {recursive: true})
  fs.copyFileSync('examples/poland-ottawa.md', path.join(folder, 'poland-ottawa.md'))
  fs.copyFileSync('examples/poland-ottawa.md.newsmark.json', path.join(folder, 'poland-ottawa.md.newsmark.json'))
  const inFolder = (...args: string[]) => runCli(args, {cwd: folder})

  const published = ['--base-url', 'https://news.example.org/', '--review-url', 'https://factcheck.example.org/checks/{id}', '--publisher', 'Example Fact Check', '--publisher-url', 'https://factcheck.example.org/']
  const annotations = await inFolder('export', 'poland-ottawa.md', '--to', 'webannotation', ...published)
  assert.equal(annotations.stderr, '')
  assert.deepEqual(checkCollection(JSON.parse(annotations.stdout)), [])

  const reviews = await inFolder('export', 'poland-ottawa.md', '--to', 'claimreview', ...published)
  assert.equal(reviews.stderr, '')
  const graph = JSON.parse(reviews.stdout)['@graph']
  assert.equal(graph.length, 5)
  assert.deepEqual(graph.flatMap((review: Record<string, unknown>) => checkClaimReview(review).required), [])

  const split = await inFolder('export', 'poland-ottawa.md', '--to', 'claimreview', '--split', '-o', 'reviews', ...published)
  assert.equal(split.code, 0, split.stderr)
  assert.equal(split.stderr, 'newsmark: wrote 5 ClaimReviews in reviews\n')
  const files = fs.readdirSync(path.join(folder, 'reviews')).sort()
  assert.equal(files.length, 5)
  for (const file of files) {
    const review = JSON.parse(fs.readFileSync(path.join(folder, 'reviews', file), 'utf8'))
    assert.equal(review['@type'], 'ClaimReview')
    assert.equal(review.url, `https://factcheck.example.org/checks/${file.replace(/\.jsonld$/, '')}`)
    assert.deepEqual(checkClaimReview(review).required, [])
  }

  const again = await inFolder('export', 'poland-ottawa.md', '--to', 'claimreview', '--split', '-o', 'reviews', ...published)
  assert.equal(again.code, 2)
  assert.match(again.stderr, /^newsmark: reviews\/[\w-]+\.jsonld: already exists; not overwriting it \(use --force to replace it\)\n$/)
  const lines = (await inFolder('export', 'poland-ottawa.md', '--to', 'claimreview', '--split', ...published)).stdout.trimEnd().split('\n')
  assert.equal(lines.length, 5, 'JSON Lines on stdout')
  assert.ok(lines.every((line) => JSON.parse(line)['@type'] === 'ClaimReview'))

  // Without where things are published: warnings, and the export all the same.
  const bare = await inFolder('export', 'poland-ottawa.md', '--to', 'claimreview')
  assert.equal(bare.code, 0)
  assert.deepEqual(bare.stderr.split('\n').filter(Boolean), [
    'newsmark: warning: poland-ottawa.md: no public URL (front matter `url:`, `--base-url` or `newsmark.export.baseUrl`), so its ids are `urn:newsmark:file:poland-ottawa.md…`',
    'newsmark: warning: poland-ottawa.md: no publisher (`export.publisher` in `.newsmarkrc`, or `newsmark.export.publisher`), so the ClaimReviews’ `author` is each reviewer',
    'newsmark: warning: poland-ottawa.md: no fact-check URL pattern (`--review-url`, `export.reviewUrl`), so the ClaimReviews’ `url` is the verdict’s id, which search engines do not take'
  ])

  // Or from the `.newsmarkrc` beside the article.
  fs.writeFileSync(
    path.join(folder, '.newsmarkrc.yaml'),
    'export:\n  baseUrl: https://news.example.org/\n  reviewUrl: checks/{id}\n  publisher:\n    name: Example Fact Check\n'
  )
  const configured = await inFolder('export', 'poland-ottawa.md', '--to', 'claimreview')
  fs.rmSync(path.join(folder, '.newsmarkrc.yaml'))
  assert.equal(configured.stderr, '')
  const [first] = JSON.parse(configured.stdout)['@graph']
  assert.match(first.url, /^https:\/\/news\.example\.org\/checks\/[\w-]+$/)
  assert.deepEqual(first.author, {'@type': 'Organization', name: 'Example Fact Check'})
})

test('cli export: bad publishing options', async () => {
  const cases: Array<[string[], string]> = [
    [['--to', 'csv', '--split'], 'newsmark: --split: expected --to claimreview\n'],
    [['--to', 'claimreview', '--base-url', 'example.org'], 'newsmark: --base-url: expected an http(s) URL, not `example.org`\n'],
    [['--to', 'claimreview', '--review-url', 'https://example.org/checks'], 'newsmark: --review-url: expected a URL pattern with `{id}`, not `https://example.org/checks`\n'],
    [['--to', 'claimreview', '--publisher-url', 'https://example.org/'], 'newsmark: --publisher-url: expected --publisher too\n'],
    [['--to', 'claimreview', '--split', '-o', 'poland-ottawa.md'], 'newsmark: poland-ottawa.md: is not a folder, expected one to write a file per ClaimReview in (--split)\n']
  ]
  for (const [args, message] of cases) {
    const {code, stdout, stderr} = await run('export', 'poland-ottawa.md', ...args)
    assert.equal(code, 2, args.join(' '))
    assert.equal(stdout, '')
    assert.equal(stderr, message)
  }
})

test('cli: file names are printed with their control characters escaped', async () => {
  const name = 'evil\nnewsmark: forged line\u001B[31m\u0007.md'
  const exported = await run('export', name, '--to', 'csv')
  assert.equal(exported.code, 2)
  assert.equal(
    exported.stderr,
    'newsmark: evil\\nnewsmark: forged line\\x1b[31m\\x07.md: no such file\nnewsmark: export: nothing written, fix the errors above first\n'
  )
  fs.writeFileSync(path.join(temp, name), source)
  const checked = await run('check', name)
  assert.ok(!/[\u0007\u001B]/.test(checked.stderr.replace(/\u001B\[\d+m/g, '')), 'no raw ESC or BEL')
  assert.ok(checked.stderr.includes('evil\\nnewsmark: forged line\\x1b[31m\\x07.md'), checked.stderr)
  const tagged = await run('export', name, '--to', 'csv', '-o', name + '.csv')
  assert.equal(tagged.code, 0, tagged.stderr)
  assert.equal(tagged.stderr, 'newsmark: wrote evil\\nnewsmark: forged line\\x1b[31m\\x07.md.csv\n')
})

test('cli export: a sidecar that is a named pipe is an input error, never waited on', {skip: process.platform === 'win32'}, async () => {
  const folder = fs.mkdtempSync(path.join(temp, 'pipe-'))
  const piped = path.join(folder, 'a.md')
  fs.writeFileSync(piped, '# A\n\nThe mayor said taxes will fall.\n')
  spawnSync('mkfifo', [`${piped}.newsmark.json`])
  const {code, stderr} = await run('export', piped, '--to', 'json')
  assert.equal(code, 2, stderr)
  assert.match(stderr, /a\.md\.newsmark\.json: Unexpected named pipe, expected a regular file/)
  assert.doesNotMatch(stderr, /unexpected error/)
})
