import assert from 'node:assert/strict'
import test from 'node:test'
import type {Root} from 'mdast'
import remarkDirective from 'remark-directive'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {proseBlocks, toSource} from '../../src/core/prose.ts'

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective)

function blocks(source: string) {
  return proseBlocks(parser.parse(source) as Root, source)
}

/** Source text of `word` found in the prose of a block. */
function sourceOf(source: string, word: string): string {
  for (const block of blocks(source)) {
    const at = block.text.indexOf(word)
    if (at >= 0) {
      const range = toSource(block, at, at + word.length)
      return source.slice(range.start, range.end)
    }
  }

  throw new Error('not found: ' + word)
}

test('prose: only prose is read', () => {
  const source = [
    '---',
    'title: Skip Me',
    '---',
    '',
    '# Poland leaves',
    '',
    'Read `Poland.code()` and <span>html</span> at <https://example.com> or www.example.org.',
    '',
    '```',
    'Tomczyk in code',
    '```',
    '',
    '<div>Hidden Tomczyk</div>',
    '',
    '[Radio Zet](https://radiozet.pl "Title") said.'
  ].join('\n')
  const texts = blocks(source).map((block) => block.text.replace(/ +/g, ' '))
  assert.deepEqual(texts, ['Poland leaves', 'Read and html at or .', 'Radio Zet said.'])
})

test('prose: offsets hold inside emphasis, links, lists, tables, quotes and escapes', () => {
  const source = [
    'Deputy **Cezary _Tomczyk_** met [NATO](https://nato.int)’s chief.',
    '',
    '- item about *Warsaw* and',
    '  continued **Bydgoszcz**',
    '',
    '> quoted Moscow',
    '> line Kremlin',
    '',
    '| who | where |',
    '| --- | --- |',
    '| Zakharova | Kaliningrad Region |',
    '',
    'Escaped \\*star\\* &amp; AT&amp;T and :person[Maria Zakharova]{role=spokeswoman}.'
  ].join('\n')
  for (const word of ['Cezary Tomczyk', 'Tomczyk', 'NATO’s', 'Warsaw', 'Bydgoszcz', 'Moscow', 'Kremlin', 'Zakharova', 'Kaliningrad Region', 'Maria Zakharova']) {
    const found = sourceOf(source, word)
    assert.equal(found.replace(/[*_[\]]|\(https:\/\/nato\.int\)/g, ''), word, word)
  }

  assert.equal(sourceOf(source, 'Tomczyk'), 'Tomczyk')
  assert.equal(sourceOf(source, 'Cezary Tomczyk'), 'Cezary _Tomczyk')
  assert.equal(sourceOf(source, '*star*'), '\\*star\\*')
  assert.equal(sourceOf(source, 'AT&T'), 'AT&amp;T')
})

test('prose: CRLF and astral characters keep offsets', () => {
  const source = 'Emoji 😀 then Poland\r\nand 𝒳 Russia.\r\n'
  assert.equal(sourceOf(source, 'Poland'), 'Poland')
  assert.equal(sourceOf(source, 'Russia'), 'Russia')
  assert.equal(sourceOf(source, '𝒳'), '𝒳')
})

test('prose: attributes of a Newsmark directive that cannot be read are not prose', () => {
  const source = 'They have :claim[killed thousands]{note="a \\"long after\\" b" verdict=true} of people, she said.\n'
  const [block] = blocks(source)
  assert.equal(block!.text, 'They have killed thousands of people, she said.')
  assert.equal(sourceOf(source, 'of people'), 'of people')
  const other = ':claim[killed thousands]{note="x \\"y\\"" verdict=true}'
  assert.equal(blocks(other)[0]!.text, 'killed thousands')
})
