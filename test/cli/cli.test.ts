import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import test from 'node:test'
import {cli, runCli, spawnCli} from './run-cli.ts'

const sample = path.resolve('examples/poland-ottawa.md')
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-cli-'))

// In this process; the tests of the sample article and of usage run the binary.
const run = (...args: string[]) => runCli(args)

function write(name: string, content: string | Buffer): string {
  const file = path.join(temp, name)
  fs.mkdirSync(path.dirname(file), {recursive: true})
  fs.writeFileSync(file, content)
  return file
}

test('cli: tag the sample article as JSON', () => {
  const {code, stdout, stderr} = spawnCli(['tag', sample])
  assert.equal(code, 0, stderr)
  const result = JSON.parse(stdout)
  assert.deepEqual(Object.keys(result), ['file', 'referenceDate', 'entities', 'dates', 'claims', 'quotes', 'toCheck', 'messages'])
  // The claims to check, whatever the preset (the default leaves their findings out).
  assert.ok(result.toCheck.length > 0)
  assert.deepEqual(result.toCheck.map((entry: {rank: number}) => entry.rank), result.toCheck.map((_: unknown, index: number) => index + 1))
  assert.ok(!result.messages.some((message: {ruleId: string}) => message.ruleId === 'claim-to-check'))
  assert.equal(result.referenceDate, '2026-01-16')
  const source = fs.readFileSync(sample, 'utf8')
  const tomczyk = result.entities.find((entity: {name: string}) => entity.name === 'Cezary Tomczyk')
  assert.equal(tomczyk.type, 'PER')
  assert.equal(tomczyk.role, 'Deputy Defense Minister')
  for (const span of [...result.dates, ...result.claims, ...result.entities.flatMap((e: {mentions: unknown[]}) => e.mentions)]) {
    assert.equal(source.slice(span.start, span.end), span.text)
  }

  const values = Object.fromEntries(result.dates.map((date: {text: string; value: string}) => [date.text, date.value]))
  assert.equal(values['next month'], '2026-02')
  assert.equal(values['February 20'], '2026-02-20')
  assert.equal(values['last week'], '2026-W02')
  assert.equal(values['1997'], '1997')

  const kremlin = result.claims.find((claim: {text: string}) => claim.text.startsWith('According to the Kremlin'))
  assert.ok(kremlin, 'the Kremlin’s claim is tagged')
  assert.equal(kremlin.speaker.name, 'Kremlin')
  assert.equal(kremlin.verb, 'According to')
  // Quotes are tagged whether or not they are claims.
  const rise = result.quotes.find((quote: {start: number; end: number}) => source.slice(quote.start, quote.end).includes('25 times'))
  assert.equal(rise?.source?.name, 'Cezary Tomczyk')
  for (const message of result.messages) {
    assert.equal(typeof message.ruleId, 'string')
    assert.ok(['error', 'warning', 'info'].includes(message.severity))
  }
})

test('cli: several files give an array; text format reads', async () => {
  const other = write('other.md', '# Note\n\nNATO met in Brussels on Monday, officials said.\n')
  const {code, stdout} = await run('tag', sample, other)
  assert.equal(code, 0)
  const results = JSON.parse(stdout)
  assert.equal(results.length, 2)
  assert.equal(results[1].referenceDate, null)
  const text = await run('tag', '--format', 'text', sample)
  assert.equal(text.code, 0)
  assert.match(text.stdout, /PER {2}Cezary Tomczyk, Deputy Defense Minister/)
  assert.match(text.stdout, /2026-02-20 +February 20/)
})

test('cli: --reference-date resolves relative dates, front matter wins', async () => {
  const file = write('undated.md', 'Poland will leave the treaty next month.\n')
  const undated = JSON.parse((await run('tag', file)).stdout)
  const date = undated.dates.find((d: {text: string}) => d.text === 'next month')
  assert.equal(date.unresolved, true)
  assert.ok(undated.messages.some((m: {ruleId: string}) => m.ruleId === 'relative-date-unresolved'))
  const dated = JSON.parse((await run('tag', '--reference-date', '2026-03-10', file)).stdout)
  assert.equal(dated.dates.find((d: {text: string}) => d.text === 'next month').value, '2026-04')
  const bad = await run('tag', '--reference-date', '2026-13-40', file)
  assert.equal(bad.code, 2)
  assert.match(bad.stderr, /--reference-date/)
})

test('cli: bad input gives one clear line per file, exit 2, others still processed', async () => {
  const binary = write('junk.md', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x00, 0x10]))
  const latin1 = write('latin1.md', Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x50, 0x61, 0x72, 0x69, 0x73]))
  const empty = write('empty.md', '')
  const broken = write('broken.md', '---\ndate: [unclosed\ntitle: x\n---\n\nPoland left the treaty last week.\n')
  const missing = path.join(temp, 'missing.md')
  const {code, stdout, stderr} = await run('tag', missing, temp, binary, latin1, empty, broken, sample)
  assert.equal(code, 2)
  const lines = stderr.trim().split('\n')
  assert.equal(lines.length, 4, stderr)
  assert.match(stderr, /missing\.md: no such file/)
  assert.match(stderr, /is a folder/)
  assert.match(stderr, /junk\.md: looks binary/)
  assert.match(stderr, /latin1\.md: is not valid UTF-8/)
  assert.doesNotMatch(stderr, /at .*\.(m?js|ts):\d+/, 'no stack trace')
  const results = JSON.parse(stdout)
  assert.equal(results.length, 3)
  assert.deepEqual(results[0].entities, [])
  assert.ok(results[1].messages.some((m: {ruleId: string}) => m.ruleId === 'front-matter-invalid'))
  assert.ok(results[1].dates.length > 0)
  assert.ok(results[2].entities.length > 5)
})

test('cli: UTF-16 and UTF-32 text is said to be so, with how to convert it', async () => {
  const text = '# Bridge\n\nThe mayor said the bridge would open in May.\n'
  const le = write('utf16le.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))
  const be = write('utf16be.md', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]))
  const le32 = write('utf32le.md', Buffer.from([0xff, 0xfe, 0, 0, 0x23, 0, 0, 0]))
  for (const [file, encoding] of [[le, 'UTF-16LE'], [be, 'UTF-16BE'], [le32, 'UTF-32LE']]) {
    for (const command of ['tag', 'check']) {
      const {code, stderr} = await run(command, file)
      assert.equal(code, 2)
      assert.equal(stderr, `newsmark: ${file}: is ${encoding} text (byte order mark), expected UTF-8: convert it, for example with \`iconv -f ${encoding} -t UTF-8\`\n`)
    }
  }
})

test('cli: a file over the size limit is refused with a clear error', async () => {
  const big = write('big.md', 'Poland. '.repeat(200_000))
  const {code, stderr} = await run('tag', '--max-size', '1', big)
  assert.equal(code, 2)
  assert.match(stderr, /big\.md: 1\.5 MB is over the 1 MB limit/)
})

test('cli: check folders and globs, exit codes', async () => {
  const folder = path.join(temp, 'articles')
  write('articles/a.md', fs.readFileSync(sample, 'utf8'))
  write('articles/sub/b.markdown', '# B\n\nOutput will rise by 25 times in the coming period.\n')
  write('articles/node_modules/c.md', 'skip me')
  const {code, stderr} = await run('check', '--preset', 'strict', folder)
  assert.ok(code === 0 || code === 1)
  assert.match(stderr, /articles\/a\.md/)
  assert.match(stderr, /articles\/sub\/b\.markdown/)
  assert.doesNotMatch(stderr, /node_modules/)
  assert.match(stderr, /unattributed-claim/)
  const frail = await run('check', '--preset', 'strict', '--frail', path.join(folder, '**/*.markdown'))
  assert.equal(frail.code, 1)
  assert.match(frail.stderr, /b\.markdown/)
  assert.doesNotMatch(frail.stderr, /a\.md/)
})

test('cli: the recommended preset by default; --preset strict, or `preset:` in .newsmarkrc, turns every rule on', async () => {
  const text = '# B\n\nOutput will rise by 25 times in the coming period.\n\nThe plan will fail, officials said.\n'
  const plain = write('presets/plain/b.md', text)
  const recommended = await run('check', plain)
  assert.doesNotMatch(recommended.stderr, /unsourced-number|vague-source/)
  const strict = await run('check', '--preset', 'strict', plain)
  assert.match(strict.stderr, /unsourced-number/)
  assert.match(strict.stderr, /vague-source/)
  write('presets/configured/.newsmarkrc.yaml', 'preset: strict\n')
  const configured = await run('check', write('presets/configured/b.md', text))
  assert.match(configured.stderr, /vague-source/)
  // The command line wins over the configuration.
  assert.doesNotMatch((await run('check', '--preset', 'recommended', path.join(temp, 'presets/configured/b.md'))).stderr, /vague-source/)
  const bad = await run('check', '--preset', 'strcit', plain)
  assert.equal(bad.code, 2)
  assert.match(bad.stderr, /--preset: expected `recommended` or `strict`, not `strcit`/)
})

test('cli: check takes only Markdown from folders and globs, and says when there is none', async () => {
  const mixed = path.join(temp, 'mixed')
  write('mixed/a.md', '# A\n\nNATO met in Brussels on Monday.\n')
  write('mixed/a.md.newsmark.json', '{}')
  write('mixed/notes.txt', 'Not an article.\n')
  write('mixed/.drafts/draft.md', '# Draft\n')
  const plain = path.dirname(write('plain/notes.txt', 'Not an article.\n'))
  const empty = path.join(temp, 'void')
  fs.mkdirSync(empty, {recursive: true})

  for (const arg of [mixed, path.join(mixed, '*')]) {
    const {code, stderr} = await run('check', arg)
    // The sidecar is read as a.md's (and is not valid), not checked as an article.
    assert.equal(code, 1, stderr)
    assert.equal(stderr.split('\n')[0], path.join(mixed, 'a.md'))
    assert.match(stderr, /error Unexpected content in the annotation sidecar a\.md\.newsmark\.json .* sidecar-invalid/)
    assert.ok(!stderr.split('\n').includes(path.join(mixed, 'a.md.newsmark.json')), stderr)
    assert.doesNotMatch(stderr, /notes\.txt|draft/)
  }

  // A file named on its own is read whatever its extension.
  const named = await run('check', path.join(plain, 'notes.txt'))
  assert.equal(named.code, 0, named.stderr)
  assert.match(named.stderr, /notes\.txt: no issues found/)

  const cases: Array<[string, string]> = [
    [empty, 'no Markdown file (.md, .markdown) in this folder'],
    [plain, 'no Markdown file (.md, .markdown) in this folder'],
    [path.join(plain, '*'), 'matches no Markdown file (.md, .markdown)'],
    [path.join(empty, '**/*.md'), 'matches no Markdown file (.md, .markdown)']
  ]
  for (const [arg, reason] of cases) {
    const {code, stdout, stderr} = await run('check', arg)
    assert.equal(code, 2, arg)
    assert.equal(stdout, '')
    assert.equal(stderr, `newsmark: ${arg}: ${reason}\n`)
  }

  // The other paths are still checked.
  const both = await run('check', empty, path.join(mixed, 'a.md'))
  assert.equal(both.code, 2)
  assert.match(both.stderr, /^newsmark: .*void: no Markdown file .*\n.*mixed\/a\.md\n/)
})

/** The files a `check` report names, sorted by code unit. */
function checked(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => line.startsWith(temp))
    .map((line) => line.replace(/: no issues found$/, ''))
    .sort()
}

test('cli: check finds upper-case Markdown extensions in a folder and by a glob', async () => {
  const folder = path.join(temp, 'upper')
  for (const name of ['a.md', 'C.MD', 'D.Markdown', 'sub/E.mD']) write(`upper/${name}`, '# Note\n')
  write('upper/notes.TXT', 'Not an article.\n')
  const expected = ['C.MD', 'D.Markdown', 'a.md', 'sub/E.mD'].map((name) => path.join(folder, name))
  for (const arg of [folder, path.join(folder, '**/*')]) {
    const {code, stdout, stderr} = await run('check', arg)
    assert.equal(code, 0, stderr)
    assert.equal(stdout, '')
    assert.deepEqual(checked(stderr), expected, arg)
    assert.equal(stderr.trim().split('\n').length, expected.length, stderr)
  }
})

test('cli: check a folder with symbolic links to .. and in a cycle lists only the files inside it', async (t) => {
  const folder = path.join(temp, 'linked')
  write('linked/a.md', '# A\n')
  write('linked/sub/b.md', '# B\n')
  write('linked-sibling/s.md', '# S\n')
  try {
    fs.symlinkSync('..', path.join(folder, 'up'))
    fs.symlinkSync('../linked-sibling', path.join(folder, 'side'))
    fs.symlinkSync('..', path.join(folder, 'sub', 'back'))
    fs.symlinkSync('../linked-sibling/s.md', path.join(folder, 's.md'))
  } catch {
    return t.skip('symbolic links cannot be made here')
  }

  const {code, stdout, stderr} = await run('check', folder)
  assert.equal(code, 0, stderr)
  assert.equal(stdout, '')
  assert.deepEqual(checked(stderr), [path.join(folder, 'a.md'), path.join(folder, 'sub', 'b.md')])
  assert.equal(stderr, `${path.join(folder, 'a.md')}: no issues found\n${path.join(folder, 'sub', 'b.md')}: no issues found\n`)
})

test('cli: a file that cannot be read is one line naming it', async (t) => {
  // Linux: `stat` says a regular file, and reading it fails (EIO).
  if (!fs.existsSync('/proc/self/mem')) return t.skip('no /proc/self/mem')
  for (const command of ['tag', 'check']) {
    const {code, stderr} = await run(command, '/proc/self/mem')
    assert.equal(code, 2)
    assert.equal(stderr, 'newsmark: /proc/self/mem: cannot read (EIO)\n')
  }
})

test('cli: a fact base that is a device, a named pipe or outside the folder is refused at once', async (t) => {
  const folder = path.join(temp, 'facts-bad')
  write('facts-bad/a.md', '# A\n\nThe bridge opened in 1997, the mayor said.\n')
  const rc = path.join(folder, '.newsmarkrc')
  const quick = (...args: string[]) => {
    const result = spawnSync(process.execPath, [cli, ...args], {encoding: 'utf8', timeout: 30_000})
    assert.equal(result.signal, null, 'did not hang')
    return {code: result.status, stderr: result.stderr}
  }

  fs.writeFileSync(rc, 'facts: /dev/zero\n')
  const zero = quick('check', '--timeout', '5', folder)
  assert.equal(zero.code, 2)
  assert.equal(zero.stderr, `newsmark: ${rc}: Unexpected absolute path \`/dev/zero\` for \`facts\`, expected a path relative to this file, inside the folder of this configuration file\n`)

  fs.symlinkSync('/dev/zero', path.join(folder, 'zero.yaml'))
  fs.writeFileSync(rc, 'facts: zero.yaml\n')
  const linked = quick('tag', path.join(folder, 'a.md'))
  assert.equal(linked.code, 2)
  assert.equal(linked.stderr, `newsmark: ${path.join(folder, 'zero.yaml')}: Unexpected character device, expected a regular file\n`)

  fs.writeFileSync(path.join(temp, 'secret'), 'root:$6$k9Jq2sEcReT$9bZxQhash:19700:0:99999:7:::\n')
  fs.writeFileSync(rc, 'facts: ../secret\n')
  const outside = quick('check', folder)
  assert.equal(outside.code, 2)
  assert.match(outside.stderr, /Unexpected path `\.\.\/secret` for `facts` outside the folder of this configuration file/)
  assert.doesNotMatch(outside.stderr, /9bZxQ/)

  const fifo = path.join(folder, 'pipe.yaml')
  if (spawnSync('mkfifo', [fifo]).status !== 0) return t.skip('no mkfifo')
  fs.writeFileSync(rc, 'facts: pipe.yaml\n')
  const pipe = quick('check', '--timeout', '5', folder)
  assert.equal(pipe.code, 2)
  assert.equal(pipe.stderr, `newsmark: ${fifo}: Unexpected named pipe, expected a regular file\n`)
})

test('cli: check reports a subfolder it cannot read, and checks the rest (exit 2)', async (t) => {
  // Root reads any folder, whatever its mode: `expand.test.ts` injects the error instead.
  if (process.getuid?.() === 0) return t.skip('running as root, who can read a folder with mode 000')
  const folder = path.join(temp, 'locked-out')
  write('locked-out/a.md', '# A\n\nNATO met in Brussels on Monday.\n')
  write('locked-out/private/b.md', '# B\n')
  fs.chmodSync(path.join(folder, 'private'), 0o000)
  t.after(() => fs.chmodSync(path.join(folder, 'private'), 0o755))
  const {code, stderr} = await run('check', folder)
  assert.equal(code, 2)
  assert.match(stderr, new RegExp(`^newsmark: ${folder}/private: cannot read this folder \\(EACCES\\), so its Markdown files are not checked\n`))
  assert.match(stderr, /locked-out\/a\.md: no issues found/)
})

test('cli: usage errors and help', async () => {
  assert.equal(spawnCli([]).code, 2)
  assert.equal((await run('frobnicate')).code, 2)
  assert.equal((await run('eval', 'x.jsonl')).code, 2)
  const help = spawnCli(['--help'])
  assert.equal(help.code, 0)
  assert.match(help.stdout, /newsmark <command>/)
})

test('cli: eval writes predictions per line', async () => {
  const gold = write('gold.jsonl', [
    JSON.stringify({id: 'a', text: 'Peter Blackburn visited Warsaw .'}),
    JSON.stringify({id: 'b', text: 'The talks ended last week .', dct: '2026-01-16'})
  ].join('\n'))
  const ner = (await run('eval', '--task', 'ner', gold)).stdout.trim().split('\n').map((line) => JSON.parse(line))
  assert.deepEqual(ner[0].spans, [
    {start: 0, end: 15, label: 'PER'},
    {start: 24, end: 30, label: 'LOC'}
  ])
  const timex = (await run('eval', '--task', 'timex', gold)).stdout.trim().split('\n').map((line) => JSON.parse(line))
  assert.deepEqual(timex[1].spans, [{start: 16, end: 25, label: 'DATE', value: '2026-W02'}])
  const claims = (await run('eval', '--task', 'claims', gold)).stdout.trim().split('\n').map((line) => JSON.parse(line))
  assert.equal(claims.length, 2)
  assert.ok(claims.every((claim: {label: number; score: number}) => (claim.label === 0 || claim.label === 1) && claim.score >= 0 && claim.score <= 1))
})

test('cli: eval refuses bad gold lines with the file and line', async () => {
  const cases: Array<[string, RegExp]> = [
    ['null', /bad\.jsonl:1: expected an object with a string `id` and `text`/],
    ['{"text": "no id"}', /bad\.jsonl:1: expected an object/],
    ['{"id": "a", "text": "x", "dct": "yesterday"}', /bad\.jsonl:1: unexpected `dct` `yesterday`/],
    ['{"id": "a", "text": "x"}\n{oops', /bad\.jsonl:2: not valid JSON/]
  ]
  for (const [content, pattern] of cases) {
    const file = write('bad.jsonl', content)
    const {code, stderr} = await run('eval', '--task', 'timex', file)
    assert.equal(code, 2, content)
    assert.match(stderr, pattern)
    assert.doesNotMatch(stderr, /unexpected error/)
  }

  const folder = await run('eval', '--task', 'ner', temp)
  assert.equal(folder.code, 2)
  assert.match(folder.stderr, /is not a file/)
})
