/**
 * The injection grammar (`syntaxes/newsmark-directives.tmLanguage.json`),
 * tokenized by the real vscode-textmate with VS Code's own Markdown grammar,
 * both taken from the installed code-server. Run by `run-tests.mjs`
 * (`node --test test/vscode/grammar.test.mjs`).
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {test} from 'node:test'
import {codeServerEntry, root} from './harness.mjs'

const vscodeDir = path.resolve(path.dirname(codeServerEntry), '../../lib/vscode')
const require = createRequire(path.join(vscodeDir, 'package.json'))
const textmate = require('vscode-textmate')
const oniguruma = require('vscode-oniguruma')

const markdownGrammar = path.join(vscodeDir, 'extensions/markdown-basics/syntaxes/markdown.tmLanguage.json')
const ours = path.join(root, 'syntaxes/newsmark-directives.tmLanguage.json')
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'))

await oniguruma.loadWASM(fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer)
const registry = new textmate.Registry({
  onigLib: Promise.resolve({createOnigScanner: (sources) => new oniguruma.OnigScanner(sources), createOnigString: (text) => new oniguruma.OnigString(text)}),
  async loadGrammar(scopeName) {
    const file = scopeName === 'text.html.markdown' ? markdownGrammar : scopeName === 'text.newsmark.directive.injection' ? ours : undefined
    return file ? textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null
  },
  getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? ['text.newsmark.directive.injection'] : [])
})
const grammar = await registry.loadGrammar('text.html.markdown')

/**
 * Tokenize Markdown; give `[text, innermost scope]` for every token.
 * @param {string} markdown
 * @returns {Array<[string, string]>}
 */
function tokens(markdown) {
  let state = textmate.INITIAL
  const result = []
  for (const line of markdown.split('\n')) {
    const {tokens: lineTokens, ruleStack} = grammar.tokenizeLine(line, state)
    state = ruleStack
    for (const token of lineTokens) result.push([line.slice(token.startIndex, token.endIndex), token.scopes.join(' ')])
  }
  return result
}

/**
 * Scopes of the token that is exactly `text`.
 * @param {Array<[string, string]>} list
 * @param {string} text
 */
function scopeOf(list, text) {
  const found = list.find(([value]) => value === text)
  assert.ok(found, `no token ${JSON.stringify(text)} in ${JSON.stringify(list.map(([value]) => value))}`)
  return found[1]
}

test('the manifest injects the grammar into Markdown', () => {
  const [entry] = manifest.contributes.grammars
  assert.equal(entry.scopeName, 'text.newsmark.directive.injection')
  assert.deepEqual(entry.injectTo, ['text.html.markdown'])
  assert.ok(fs.existsSync(path.join(root, entry.path)))
})

test('a person directive: name, label and attributes', () => {
  const list = tokens('Deputy Defense Minister :person[Cezary Tomczyk]{role="minister" #e6} confirmed it.')
  assert.match(scopeOf(list, 'person'), /meta\.directive\.text\.newsmark entity\.name\.tag\.directive\.newsmark$/)
  assert.match(scopeOf(list, 'Cezary Tomczyk'), /markup\.underline\.label\.newsmark$/)
  assert.match(scopeOf(list, 'role'), /entity\.other\.attribute-name\.newsmark$/)
  assert.match(scopeOf(list, '"minister"'), /string\.quoted\.double\.newsmark$/)
  assert.match(scopeOf(list, 'e6'), /entity\.other\.attribute-name\.id\.newsmark$/)
  assert.doesNotMatch(scopeOf(list, ' confirmed it.'), /newsmark/)
})

test('a claim with a verdict and Markdown inside the label', () => {
  const list = tokens('He said :claim[output will rise by **25 times**]{verdict=false source="https://example.org"}.')
  assert.match(scopeOf(list, 'claim'), /entity\.name\.tag\.directive\.newsmark$/)
  assert.match(scopeOf(list, '25 times'), /markup\.bold\.markdown/)
  assert.match(scopeOf(list, 'false'), /constant\.language\.verdict\.newsmark$/)
  assert.match(scopeOf(list, '"https://example.org"'), /string\.quoted\.double\.newsmark$/)
})

test('not inside code, and not other words with colons', () => {
  for (const markdown of ['Use `:person[x]{a=b}` in code.', '```md\n:person[x]{a=b}\n```', 'Ratio 3:person[x] and https://a.b/:claim[x]', 'An :unknown[thing]{a=b} directive']) {
    const list = tokens(markdown)
    assert.ok(
      list.every(([, scopes]) => !scopes.includes('meta.directive.text.newsmark')),
      `${markdown}: ${JSON.stringify(list.filter(([, scopes]) => scopes.includes('newsmark')))}`
    )
  }
})
