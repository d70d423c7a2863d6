import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import test from 'node:test'
import {mulberry32 as random} from '../../scripts/lib/train-linear.ts'

const cli = path.resolve('dist/cli.mjs')
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-jobs-'))
const folder = path.join(temp, 'articles')
const example = fs.readFileSync('examples/poland-ottawa.md', 'utf8')

const countries = ['Finland', 'Latvia', 'Romania', 'Norway', 'Czechia', 'Moldova', 'Georgia', 'Sweden']
const people = ['Anna Nowak', 'Jonas Petrauskas', 'Ilze Ozols', 'Mikko Virtanen', 'Elena Popescu']

/** A variant of the example: paragraphs shuffled, names, places and numbers changed. */
function article(index: number): string {
  const rand = random(7919 * (index + 1))
  const pick = <T>(list: ReadonlyArray<T>) => list[Math.floor(rand() * list.length)]
  const [, front, body] = example.match(/^(---\n[\s\S]*?\n---\n)([\s\S]*)$/)!
  const paragraphs = body.split(/\n{2,}/).filter((p) => p.trim())
  const title = paragraphs.shift()!
  for (let i = paragraphs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    ;[paragraphs[i], paragraphs[j]] = [paragraphs[j], paragraphs[i]]
  }

  const country = pick(countries)
  const person = pick(people)
  const text = [title, ...paragraphs]
    .join('\n\n')
    .replace(/\bPoland\b/g, country)
    .replace(/Cezary Tomczyk/g, person)
    .replace(/\b\d{2,3}\b/g, () => String(10 + Math.floor(rand() * 900)))
  return front.replace(/date: .*/, `date: 2026-0${1 + (index % 9)}-1${index % 10}`) + '\n' + text + '\n'
}

function check(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, 'check', ...args], {encoding: 'utf8', maxBuffer: 1 << 28})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

test.before(() => {
  if (!fs.existsSync(cli)) spawnSync(process.execPath, ['esbuild.mjs'], {stdio: 'inherit'})
  fs.mkdirSync(path.join(folder, 'sub'), {recursive: true})
  for (let index = 0; index < 40; index++) {
    fs.writeFileSync(path.join(folder, index % 4 === 0 ? 'sub' : '', `article-${index}.md`), article(index))
  }

  // A warning with an error as its cause (the YAML error and its stack).
  fs.writeFileSync(path.join(folder, 'broken.md'), '---\ndate: [unclosed\ntitle: x\n---\n\nPoland left the treaty last week.\n')
  // A file that cannot be read, reported in its place among the others.
  fs.writeFileSync(path.join(folder, 'junk.md'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff]))
  // Wide and combining characters in reasons (the report's alignment).
  fs.writeFileSync(
    path.join(folder, 'wide.md'),
    '# 東京 🎉\n\nThe 東京 office said output rose 40 percent. Experts say it is “ﬁne” and café́ prices fell 12 percent.\n'
  )
})

test.after(() => fs.rmSync(temp, {recursive: true, force: true}))

test('check: the same report, byte for byte, on one thread and on two', () => {
  const one = check('--jobs', '1', folder)
  const two = check('--jobs', '2', folder)
  assert.equal(two.code, one.code)
  assert.equal(two.stdout, one.stdout)
  assert.equal(two.stderr, one.stderr)
  assert.equal(one.code, 2, 'the binary file is an input error')
  assert.match(one.stderr, /^newsmark: .*junk\.md: looks binary/)
  const lines = one.stderr.split('\n')
  // Every readable file has its section, in path order.
  const headers = lines.filter((line) => line.startsWith(folder))
  assert.equal(headers.length, 42)
  assert.deepEqual(headers, [...headers].sort((a, b) => a.localeCompare(b)))
  // Invalid front matter, with where the YAML goes wrong.
  assert.match(one.stderr, /front-matter-invalid[^\n]*\n {2}\[cause\]:\n {4}\d+:\d+(-\d+:\d+)? +info +The YAML goes wrong here/)
  // A finding with a related place (a message as its cause).
  assert.match(one.stderr, /\[cause\]:\n {4}\d+:\d+-\d+:\d+ +info +Stated as/)
  assert.match(one.stderr, /\n\n\d+ messages \(⚠ \d+ warnings\)\n$/)
  // More threads than files, and files given one by one.
  const three = check('--jobs', '3', path.join(folder, 'broken.md'), path.join(folder, 'wide.md'))
  assert.equal(three.stderr, check('--jobs', '1', path.join(folder, 'broken.md'), path.join(folder, 'wide.md')).stderr)
})

test('check: --jobs must be a positive whole number', () => {
  for (const bad of ['0', '-1', '1.5', 'many']) {
    const result = check(`--jobs=${bad}`, folder)
    assert.equal(result.code, 2)
    assert.match(result.stderr, /--jobs: expected a positive whole number/)
  }
})

test('check --timeout: the same report in workers only; a file past the limit is an error, the others are checked', () => {
  const plain = check('--jobs', '2', folder)
  const limited = check('--jobs', '2', '--timeout', '120', folder)
  assert.equal(limited.code, plain.code)
  assert.equal(limited.stderr, plain.stderr)
  // Thousands of nested quotes: remark takes seconds, more than quadratic.
  const slow = path.join(temp, 'nested.md')
  fs.writeFileSync(slow, 'Tomczyk said.\n\n' + '> '.repeat(60_000) + 'x\n')
  const files = [path.join(folder, 'wide.md'), slow, path.join(folder, 'broken.md')]
  for (const jobs of ['1', '2']) {
    // No clock: the report says the slow file was stopped (it would take
    // seconds more if it were not), on a busy machine as on an idle one.
    const result = check('--jobs', jobs, '--timeout', '1', ...files)
    assert.equal(result.code, 2)
    assert.equal(result.stderr.split('\n')[0], `newsmark: ${slow}: analysis ran past --timeout (1 s) and was stopped`)
    // The others, as without the limit.
    assert.ok(result.stderr.endsWith(check(files[0], files[2]).stderr), result.stderr)
  }
})

test('check: --timeout must be a number of seconds', () => {
  for (const bad of ['0', '-1', 'long', '3000000']) {
    const result = check(`--timeout=${bad}`, folder)
    assert.equal(result.code, 2)
    assert.match(result.stderr, /--timeout: expected a number of seconds/)
  }
})
