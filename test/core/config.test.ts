/**
 * Configuration: parsing `.newsmarkrc` files with errors that name the file
 * and key, finding them upwards through a reader, and the fact base.
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, it} from 'node:test'
import {spawnSync} from 'node:child_process'
import {ConfigError, loadConfig, loadConfigAsync, parseConfig} from '../../src/core/config/index.ts'
import {maxConfigSize, maxFactsSize, type ReadLimits} from '../../src/core/config/load.ts'
import {loadConfigSync, readText} from '../../src/node/config.ts'
import {parseFacts} from '../../src/core/facts/parse.ts'
import {FactsError} from '../../src/core/facts/parse.ts'

describe('parseConfig', () => {
  it('reads YAML and JSON', () => {
    const yaml = 'rules:\n  loaded-verb: error\n  hedging: off\n  unsourced-number: true\nfacts: facts.yaml\n'
    // `true` is the rule's own severity: on, also where the preset leaves it out.
    assert.deepEqual(parseConfig(yaml, '.newsmarkrc.yaml'), {rules: {'loaded-verb': 'error', hedging: 'off', 'unsourced-number': 'warning'}, facts: 'facts.yaml'})
    assert.deepEqual(parseConfig('{"rules": {"hedging": false}}', '.newsmarkrc.json'), {rules: {hedging: 'off'}})
    assert.deepEqual(parseConfig('', '.newsmarkrc'), {rules: {}})
  })

  it('reads the export section', () => {
    const yaml = [
      'export:',
      '  baseUrl: https://news.example.org/articles/',
      '  reviewUrl: https://factcheck.example.org/checks/{id}',
      '  publisher:',
      '    name: Example Fact Check',
      '    url: https://factcheck.example.org/',
      ''
    ].join('\n')
    assert.deepEqual(parseConfig(yaml, '.newsmarkrc.yaml'), {
      rules: {},
      export: {
        baseUrl: 'https://news.example.org/articles/',
        reviewUrl: 'https://factcheck.example.org/checks/{id}',
        publisher: {name: 'Example Fact Check', url: 'https://factcheck.example.org/'}
      }
    })
    const {export: exported} = loadConfig('/a/b.md', memory({'/a/.newsmarkrc': 'export: {publisher: {name: P}}\n'}).read)
    assert.deepEqual(exported, {publisher: {name: 'P'}})
  })

  it('reads which files are articles, a glob or a list, relative to the file’s folder', () => {
    assert.deepEqual(parseConfig('files:\n  include: articles/**\n  exclude: [drafts/**, "*.tmp.md"]\n', '.newsmarkrc'), {
      rules: {},
      files: {include: ['articles/**'], exclude: ['drafts/**', '*.tmp.md']}
    })
    const {files} = loadConfig('/desk/news/a.md', memory({'/desk/.newsmarkrc': 'files: {exclude: [old/**]}\n'}).read)
    assert.deepEqual(files, {include: [], exclude: ['old/**'], folder: '/desk'})
  })

  const errors: Array<[string, string, string]> = [
    ['rules:\n  loaded-verbs: error\n', '.newsmarkrc.yaml:2:3: Unexpected rule id `loaded-verbs` in `rules`, expected `loaded-verb` or one of `front-matter-invalid`, `front-matter-date`, `language-unsupported`, `relative-date-unresolved`', 'rules.loaded-verbs'],
    ['rules:\n  hedging: loud\n', '.newsmarkrc.yaml:2:12: Unexpected value `loud` for `rules.hedging`, expected `off`, `info`, `warning`, `error`, `true` or `false`', 'rules.hedging'],
    ['rules: [hedging]\n', '.newsmarkrc.yaml:1:8: Unexpected value for `rules`, expected a mapping of rule ids to severities', 'rules'],
    ['severity:\n  hedging: off\n', '.newsmarkrc.yaml:1:1: Unexpected key `severity`, expected `preset`, `rules`, `facts`, `export` or `files`', 'severity'],
    ['facts: 3\n', '.newsmarkrc.yaml:1:8: Unexpected value `3` for `facts`, expected the path of a YAML fact base', 'facts'],
    ['preset: strcit\n', '.newsmarkrc.yaml:1:9: Unexpected value `strcit` for `preset`, expected `recommended` or `strict`', 'preset'],
    ['- hedging\n', '.newsmarkrc.yaml:1:1: Unexpected value, expected a mapping (`preset`, `rules`, `facts`, `export`, `files`)', ''],
    ['files: articles\n', '.newsmarkrc.yaml:1:8: Unexpected value for `files`, expected a mapping (`include`, `exclude`)', 'files'],
    ['files:\n  only: x\n', '.newsmarkrc.yaml:2:3: Unexpected key `only` in `files`, expected `include` or `exclude`', 'files.only'],
    ['files:\n  include: [../other/**]\n', '.newsmarkrc.yaml:2:12: Unexpected value `["../other/**"]` for `files.include`, expected globs relative to this file’s folder', 'files.include'],
    ['files:\n  exclude: ["/abs/**"]\n', '.newsmarkrc.yaml:2:12: Unexpected value `["/abs/**"]` for `files.exclude`, expected globs relative', 'files.exclude'],
    ['files:\n  exclude: [3]\n', '.newsmarkrc.yaml:2:12: Unexpected value `[3]` for `files.exclude`', 'files.exclude'],
    ['export:\n  baseUrl: example.org\n', '.newsmarkrc.yaml:2:12: Unexpected value `example.org` for `export.baseUrl`, expected an http(s) URL', 'export.baseUrl'],
    ['export:\n  reviewUrl: https://example.org/checks/\n', '.newsmarkrc.yaml:2:14: Unexpected value `https://example.org/checks/` for `export.reviewUrl`, expected a URL pattern with `{id}`', 'export.reviewUrl'],
    ['export:\n  publisher: {url: https://example.org/}\n', '.newsmarkrc.yaml:2:14: Unexpected missing `name` in `export.publisher`, expected the organisation’s name', 'export.publisher.name'],
    ['export:\n  publisher: {name: X, logo: y}\n', '.newsmarkrc.yaml:2:14: Unexpected key `logo` in `export.publisher`, expected `name` or `url`', 'export.publisher.logo'],
    ['export:\n  base: https://example.org/\n', '.newsmarkrc.yaml:2:3: Unexpected key `base` in `export`, expected `baseUrl`, `reviewUrl`, `publisher`', 'export.base'],
    ['rules: {hedging: off\n', '.newsmarkrc.yaml:', '']
  ]
  for (const [text, message, key] of errors) {
    it(`fails: ${message.slice(18, 80)}…`, () => {
      assert.throws(() => parseConfig(text, '.newsmarkrc.yaml'), (error: unknown) => {
        assert.ok(error instanceof ConfigError)
        assert.ok(error.message.startsWith(message), error.message)
        assert.equal(error.file, '.newsmarkrc.yaml')
        if (key) assert.equal(error.key, key)
        return true
      })
    })
  }

  it('says JSON for JSON files', () => {
    assert.throws(() => parseConfig('{"rules": ', '.newsmarkrc.json'), /^ConfigError: \.newsmarkrc\.json:1:\d+: Unexpected invalid JSON/)
  })
})

/** An in-memory file system. */
function memory(files: Record<string, string>) {
  const reads: string[] = []
  const read = (file: string) => {
    reads.push(file)
    return files[file]
  }

  return {read, reads}
}

const facts = '- subject: Ottawa Convention\n  property: adopted\n  value: 1997\n  source: UN\n'

describe('loadConfig', () => {
  it('takes the nearest configuration upwards and its fact base', () => {
    const {read} = memory({
      '/news/.newsmarkrc.yaml': 'rules:\n  hedging: off\nfacts: ../data/facts.yaml\n',
      '/.newsmarkrc': '{"rules": {"loaded-verb": "error"}}',
      '/data/facts.yaml': facts
    })
    // `..` may lead anywhere inside the workspace folder.
    const loaded = loadConfig('/news/2026/article.md', read, {root: '/'})
    assert.equal(loaded.configFile, '/news/.newsmarkrc.yaml')
    assert.equal(loaded.factsFile, '/data/facts.yaml')
    assert.deepEqual(loaded.settings.severities, {hedging: 'off'})
    assert.equal(loaded.settings.facts?.length, 1)
  })

  it('finds `.newsmark/facts.yaml` upwards without a configuration', () => {
    const {read, reads} = memory({'/news/.newsmark/facts.yaml': facts})
    const loaded = loadConfig('/news/2026/article.md', read)
    assert.deepEqual(loaded, {settings: {severities: {}, facts: loaded.settings.facts}, factsFile: '/news/.newsmark/facts.yaml'})
    assert.deepEqual(reads.slice(0, 4), ['/news/2026/.newsmarkrc', '/news/2026/.newsmarkrc.json', '/news/2026/.newsmarkrc.yaml', '/news/2026/.newsmarkrc.yml'])
  })

  it('gives empty settings when there is nothing', () => {
    assert.deepEqual(loadConfig('/a/b.md', () => undefined), {settings: {severities: {}}})
  })

  it('handles Windows paths', () => {
    const {read} = memory({'C:\\news\\.newsmarkrc': 'rules:\n  hedging: info\n'})
    assert.equal(loadConfig('C:\\news\\a\\b.md', read).configFile, 'C:\\news\\.newsmarkrc')
  })

  it('fails on a missing fact base named by the configuration', () => {
    const {read} = memory({'/news/.newsmarkrc': 'facts: missing.yaml\n'})
    assert.throws(() => loadConfig('/news/a.md', read), /^ConfigError: \/news\/\.newsmarkrc: Unexpected missing fact base `\/news\/missing\.yaml`/)
  })

  it('fails on an invalid fact base, naming it', () => {
    const {read} = memory({'/news/.newsmark/facts.yaml': '- subject: A\n'})
    assert.throws(() => loadConfig('/news/a.md', read), (error: unknown) => error instanceof FactsError && error.file === '/news/.newsmark/facts.yaml')
  })

  it('reads asynchronously too', async () => {
    const {read} = memory({'/news/.newsmarkrc.json': '{"rules": {"hedging": "error"}}'})
    const loaded = await loadConfigAsync('/news/a.md', async (file) => read(file))
    assert.deepEqual(loaded.settings.severities, {hedging: 'error'})
  })

  it('asks for every file it may need at once, and finds what the synchronous search finds', async () => {
    const files = {
      '/news/.newsmarkrc.yaml': 'rules:\n  hedging: off\nfacts: ../data/facts.yaml\n',
      '/.newsmarkrc': '{"rules": {"loaded-verb": "error"}}',
      '/data/facts.yaml': facts
    }
    const {read} = memory(files)
    let waiting = 0
    let most = 0
    const slow = async (file: string) => {
      most = Math.max(most, ++waiting)
      await new Promise((resolve) => setTimeout(resolve, 5))
      waiting--
      return read(file)
    }

    const loaded = await loadConfigAsync('/news/2026/article.md', slow, {root: '/'})
    assert.deepEqual(loaded, loadConfig('/news/2026/article.md', memory(files).read, {root: '/'}))
    // Three folders (`/news/2026`, `/news`, the root), four names of
    // configuration and two of fact bases each, all asked for together.
    assert.equal(most, 18)
  })

  it('fails on a read it comes to, not on one it does not need', async () => {
    const {read} = memory({'/news/.newsmarkrc': '{"rules": {"hedging": "error"}}'})
    const failing = (denied: string) => async (file: string) => {
      if (file.startsWith(denied)) throw new Error(`EACCES: ${file}`)
      return read(file)
    }

    // `/` lies beyond the nearest configuration.
    const loaded = await loadConfigAsync('/news/a.md', failing('/.newsmarkrc'))
    assert.deepEqual(loaded.settings.severities, {hedging: 'error'})
    await assert.rejects(loadConfigAsync('/news/a.md', failing('/news/.newsmarkrc')), /EACCES: \/news\/\.newsmarkrc/)
  })
})

describe('a fact base the configuration names', () => {
  it('must be a relative path that stays inside the configuration’s folder (or the workspace)', () => {
    const cases: Array<[string, string | undefined, string]> = [
      ['/etc/shadow', undefined, 'Unexpected absolute path `/etc/shadow` for `facts`, expected a path relative to this file, inside the folder of this configuration file'],
      ['C:\\Windows\\win.ini', undefined, 'Unexpected absolute path `C:\\Windows\\win.ini` for `facts`, expected a path relative to this file, inside the folder of this configuration file'],
      ['../facts.yaml', undefined, 'Unexpected path `../facts.yaml` for `facts` outside the folder of this configuration file, expected a fact base inside it'],
      ['data/../../facts.yaml', undefined, 'Unexpected path `data/../../facts.yaml` for `facts` outside the folder of this configuration file, expected a fact base inside it'],
      ['../../../../etc/passwd', '/work/news', 'Unexpected path `../../../../etc/passwd` for `facts` outside the workspace folder, expected a fact base inside it'],
      ['/work/news/facts.yaml', '/work/news', 'Unexpected absolute path `/work/news/facts.yaml` for `facts`, expected a path relative to this file, inside the workspace folder']
    ]
    for (const [facts, root, reason] of cases) {
      const {read, reads} = memory({'/work/news/desk/.newsmarkrc': `facts: ${JSON.stringify(facts)}\n`, '/etc/shadow': 'root:x', '/work/news/facts.yaml': 'x'})
      assert.throws(() => loadConfig('/work/news/desk/a.md', read, {root}), (error: unknown) => {
        assert.ok(error instanceof ConfigError, String(error))
        assert.equal(error.message, `/work/news/desk/.newsmarkrc: ${reason}`)
        return true
      })
      assert.ok(!reads.includes('/etc/shadow') && !reads.includes('/work/news/facts.yaml'), 'nothing outside was read')
    }

    const {read} = memory({'/work/news/desk/.newsmarkrc': 'facts: ../shared/facts.yaml\n', '/work/news/shared/facts.yaml': facts})
    assert.equal(loadConfig('/work/news/desk/a.md', read, {root: '/work/news'}).factsFile, '/work/news/shared/facts.yaml')
  })

  it('is read within limits: the size, and the folder a link must stay in', () => {
    const asked: Array<[string, ReadLimits]> = []
    const files: Record<string, string> = {'/work/news/.newsmarkrc': 'facts: data/facts.yaml\n', '/work/news/data/facts.yaml': facts}
    loadConfig('/work/news/a.md', (file, limits) => (asked.push([file, limits]), files[file]), {root: '/work'})
    assert.deepEqual(asked.at(-1), ['/work/news/data/facts.yaml', {maxSize: maxFactsSize, within: '/work'}])
    assert.deepEqual(asked[0], ['/work/news/.newsmarkrc', {maxSize: maxConfigSize}])

    asked.length = 0
    loadConfig('/work/news/a.md', (file, limits) => (asked.push([file, limits]), file.endsWith('.newsmark/facts.yaml') && file.startsWith('/work/') ? facts : undefined))
    assert.deepEqual(asked.at(-1), ['/work/news/.newsmark/facts.yaml', {maxSize: maxFactsSize, within: '/work/news'}])

    asked.length = 0
    loadConfig('/a.md', (file, limits) => (asked.push([file, limits]), file === '/.newsmark/facts.yaml' ? facts : undefined))
    assert.deepEqual(asked.at(-1), ['/.newsmark/facts.yaml', {maxSize: maxFactsSize, within: '/'}], 'the root folder')
  })

  it('is not loaded at all with `facts: false` (an untrusted workspace)', async () => {
    const files = {'/news/.newsmarkrc': 'rules:\n  hedging: off\nfacts: facts.yaml\n', '/news/facts.yaml': facts, '/news/.newsmark/facts.yaml': facts}
    const {read, reads} = memory(files)
    assert.deepEqual(loadConfig('/news/a.md', read, {facts: false}), {settings: {severities: {hedging: 'off'}}, configFile: '/news/.newsmarkrc'})
    assert.ok(!reads.some((file) => file.includes('facts')))
    const loaded = await loadConfigAsync('/news/a.md', async (file) => memory(files).read(file), {facts: false})
    assert.equal(loaded.factsFile, undefined)
  })

  it('never has its lines quoted in errors', () => {
    const shadow = 'root:$6$k9Jq2sEcReT$9bZxQhashhashhash:19700:0:99999:7:::\ndaemon:*:19700:0:99999:7:::\n'
    for (const parse of [(text: string) => parseFacts(text, 'f.yaml'), (text: string) => parseConfig(text, '.newsmarkrc')]) {
      for (const text of [shadow, `- subject: x\n  ${shadow.split('\n')[0]}: 1\n`, 'a: !secret-tag-9bZxQ x\n', `date: |x9bZxQhash\n  y\n`]) {
        assert.throws(() => parse(text), (error: unknown) => {
          assert.ok(error instanceof Error)
          assert.doesNotMatch(error.message, /9bZxQ|k9Jq2/, error.message)
          return true
        })
      }
    }

    assert.throws(() => parseFacts(shadow, 'f.yaml'), /^FactsError: f\.yaml:1:1: Unexpected key, expected a list of facts or `facts:`$/)
    assert.throws(
      () => parseFacts(`- subject: A\n  property: b\n  value: 1\n  source: ${'s'.repeat(30)}\n  date: ${'x'.repeat(60)}\n`, 'f.yaml'),
      /Unexpected value `x{40}…` for `date`/
    )
  })
})

describe('readText (Node)', () => {
  it('refuses what is not a regular file, at once, and reads no more than the limit', (t) => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-read-'))
    t.after(() => fs.rmSync(root, {recursive: true, force: true}))
    assert.throws(() => readText('/dev/zero', {maxSize: maxFactsSize}), /^ConfigError: \/dev\/zero: Unexpected character device, expected a regular file$/)
    fs.symlinkSync('/dev/zero', path.join(root, 'zero.yaml'))
    assert.throws(() => readText(path.join(root, 'zero.yaml'), {maxSize: maxFactsSize, within: root}), /Unexpected character device, expected a regular file/)

    const fifo = path.join(root, 'pipe.yaml')
    if (spawnSync('mkfifo', [fifo]).status === 0) {
      // No writer: a blocking open would never return.
      assert.throws(() => readText(fifo, {maxSize: maxFactsSize}), /Unexpected named pipe, expected a regular file/)
    }

    fs.writeFileSync(path.join(root, 'big.yaml'), 'x'.repeat(2048))
    assert.throws(() => readText(path.join(root, 'big.yaml'), {maxSize: 1024}), /big\.yaml: Unexpected size, expected a file of at most 1 KiB/)
    assert.equal(readText(path.join(root, 'big.yaml'), {maxSize: 2048})?.length, 2048)
    assert.equal(readText(path.join(root, 'missing.yaml'), {maxSize: 2048}), undefined)
    assert.equal(readText(root, {maxSize: 2048}), undefined, 'a folder is no file')
  })

  it('refuses a link that leads out of the folder, and does not quote what it points at', (t) => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-read-'))
    t.after(() => fs.rmSync(root, {recursive: true, force: true}))
    fs.mkdirSync(path.join(root, 'outside'))
    fs.mkdirSync(path.join(root, 'ws', '.newsmark'), {recursive: true})
    fs.writeFileSync(path.join(root, 'outside', 'secret'), 'root:$6$k9Jq2sEcReT$9bZxQ:19700:0:99999:7:::\n')
    fs.symlinkSync(path.join(root, 'outside', 'secret'), path.join(root, 'ws', '.newsmark', 'facts.yaml'))
    fs.symlinkSync('../outside/secret', path.join(root, 'ws', 'facts.yaml'))
    fs.writeFileSync(path.join(root, 'ws', 'inside.yaml'), facts)
    fs.symlinkSync('inside.yaml', path.join(root, 'ws', 'link.yaml'))
    const ws = path.join(root, 'ws')

    assert.throws(() => loadConfigSync(path.join(ws, 'a.md')), (error: unknown) => {
      assert.ok(error instanceof ConfigError)
      assert.equal(error.message, `${path.join(ws, '.newsmark', 'facts.yaml')}: Unexpected link to a file outside \`${ws}\`, expected a file inside that folder`)
      return true
    })
    fs.rmSync(path.join(ws, '.newsmark'), {recursive: true})
    fs.writeFileSync(path.join(ws, '.newsmarkrc'), 'facts: facts.yaml\n')
    assert.throws(() => loadConfigSync(path.join(ws, 'a.md')), /Unexpected link to a file outside/)
    fs.writeFileSync(path.join(ws, '.newsmarkrc'), 'facts: link.yaml\n')
    assert.equal(loadConfigSync(path.join(ws, 'a.md')).settings.facts?.length, 1, 'a link inside the folder is fine')
  })
})

describe('loadConfigSync', () => {
  it('reads the file system', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-config-'))
    try {
      fs.mkdirSync(path.join(root, 'news', '.newsmark'), {recursive: true})
      fs.writeFileSync(path.join(root, '.newsmarkrc.yml'), 'rules:\n  loaded-verb: error\n')
      fs.writeFileSync(path.join(root, 'news', '.newsmark', 'facts.yaml'), facts)
      const loaded = loadConfigSync(path.join(root, 'news', 'article.md'))
      assert.equal(loaded.configFile, path.join(root, '.newsmarkrc.yml'))
      assert.equal(loaded.factsFile, path.join(root, 'news', '.newsmark', 'facts.yaml'))
      assert.deepEqual(loaded.settings.severities, {'loaded-verb': 'error'})
    } finally {
      fs.rmSync(root, {recursive: true, force: true})
    }
  })
})

describe('a configured workspace', () => {
  it('checks an article with its configuration and fact base', async () => {
    const {analyzeWith} = await import('../fixtures/rules/examples.ts')
    const {runRules} = await import('../../src/core/rules/index.ts')
    const article = 'test/fixtures/rules/workspace/articles/mines.md'
    const loaded = loadConfigSync(article)
    assert.equal(loaded.configFile, path.resolve('test/fixtures/rules/workspace/.newsmarkrc.yaml'))
    assert.equal(loaded.factsFile, path.resolve('test/fixtures/rules/workspace/.newsmark/facts.yaml'))
    const file = analyzeWith(fs.readFileSync(article, 'utf8'), [])
    runRules(file, file.data.newsmark!, loaded.settings)
    assert.deepEqual(
      file.messages.map((message) => `${message.ruleId} ${message.fatal} ${String(message)}`),
      [
        'relative-date undefined 14:41-14:51: Relative date `next month` resolves to `2026-02`',
        'claim-to-check undefined 9:1-9:90: Claim to check (1 of 1): causal claim with no source',
        'loaded-verb true 7:14-7:21: Unexpected loaded reporting verb `claimed`, expected a neutral verb such as `said`',
        'fact-contradiction false 9:33-9:37: Unexpected `1999` for Ottawa Convention adopted, expected `1997` (source: https://www.un.org/disarmament/anti-personnel-landmines-convention/)',
        'fact-contradiction true 11:95-11:102: Unexpected `25-fold` for BELMA production, a claim rated `false` in the fact base (source: Radio Zet interview with Cezary Tomczyk)'
      ]
    )
  })
})
