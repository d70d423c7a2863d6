/**
 * Configuration: parsing `.newsmarkrc` files with errors that name the file
 * and key, finding them upwards through a reader, and the fact base.
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, it} from 'node:test'
import {ConfigError, loadConfig, loadConfigAsync, parseConfig} from '../../src/core/config/index.ts'
import {loadConfigSync} from '../../src/core/config/node.ts'
import {FactsError} from '../../src/core/facts/parse.ts'

describe('parseConfig', () => {
  it('reads YAML and JSON', () => {
    const yaml = 'rules:\n  loaded-verb: error\n  hedging: off\n  unsourced-number: true\nfacts: facts.yaml\n'
    assert.deepEqual(parseConfig(yaml, '.newsmarkrc.yaml'), {rules: {'loaded-verb': 'error', hedging: 'off'}, facts: 'facts.yaml'})
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

  const errors: Array<[string, string, string]> = [
    ['rules:\n  loaded-verbs: error\n', '.newsmarkrc.yaml:2:3: Unexpected rule id `loaded-verbs` in `rules`, expected `loaded-verb` or one of `front-matter-invalid`, `front-matter-date`, `relative-date-unresolved`', 'rules.loaded-verbs'],
    ['rules:\n  hedging: loud\n', '.newsmarkrc.yaml:2:12: Unexpected value `loud` for `rules.hedging`, expected `off`, `info`, `warning`, `error`, `true` or `false`', 'rules.hedging'],
    ['rules: [hedging]\n', '.newsmarkrc.yaml:1:8: Unexpected value for `rules`, expected a mapping of rule ids to severities', 'rules'],
    ['severity:\n  hedging: off\n', '.newsmarkrc.yaml:1:1: Unexpected key `severity`, expected `rules`, `facts` or `export`', 'severity'],
    ['facts: 3\n', '.newsmarkrc.yaml:1:8: Unexpected value `3` for `facts`, expected the path of a YAML fact base', 'facts'],
    ['- hedging\n', '.newsmarkrc.yaml:1:1: Unexpected value, expected a mapping (`rules`, `facts`, `export`)', ''],
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
    const loaded = loadConfig('/news/2026/article.md', read)
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

    const loaded = await loadConfigAsync('/news/2026/article.md', slow)
    assert.deepEqual(loaded, loadConfig('/news/2026/article.md', memory(files).read))
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
        'loaded-verb true 7:14-7:21: Unexpected loaded reporting verb `claimed`, expected a neutral verb such as `said`',
        'fact-contradiction false 9:33-9:37: Unexpected `1999` for Ottawa Convention adopted, expected `1997` (source: https://www.un.org/disarmament/anti-personnel-landmines-convention/)',
        'fact-contradiction true 11:95-11:102: Unexpected `25-fold` for BELMA production, a claim rated `false` in the fact base (source: Radio Zet interview with Cezary Tomczyk)'
      ]
    )
  })
})
