import assert from 'node:assert/strict'
import test from 'node:test'
import stringWidth from 'string-width'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {reporter} from 'vfile-reporter'
import {analyzeSync} from '../../src/core/analyze.ts'
import {cellWidth, formatReport, isNarrowSimple, reportEntry, reportState, writeReport} from '../../src/cli/report.ts'

test('report: every fast character is one column wide and stands alone', () => {
  const segmenter = new Intl.Segmenter()
  let fast = 0
  for (let code = 0; code < 0x10000; code++) {
    if (!isNarrowSimple(code)) continue
    fast++
    const char = String.fromCharCode(code)
    assert.equal(stringWidth(char), 1, `U+${code.toString(16)}`)
    assert.equal([...segmenter.segment('a' + char + char + 'a')].length, 4, `U+${code.toString(16)}`)
  }

  assert.ok(fast > 1000)
  for (const text of ['plain', 'café', '“quoted” – …', '東京', '🎉 party', 'e\u0301', '\u001B[1mbold\u001B[22m', 'ﬁ', '']) {
    assert.equal(cellWidth(text), stringWidth(text), text)
  }
})

test('report: the same text as vfile-reporter', () => {
  const files = [
    analyzeSync(new VFile({path: 'b/article.md', value: '# Report\n\nOutput will rise by 25 times, up 40 percent. “It is fine,” he said.\n'})),
    analyzeSync(
      new VFile({
        path: 'a/broken.md',
        value: '---\ndate: [unclosed\n---\n\nPoland left the treaty last week. Poland’s 東京 🎉 office said output rose 40 percent.\n'
      })
    ),
    new VFile({path: 'c/clean.md', value: ''})
  ]
  const extra = new VFile({path: 'd/extra.md'})
  const message = extra.message('An `inline` reason with ``double `ticks` `` and\na second line', {
    place: {line: 3, column: 5},
    ruleId: 'x',
    source: 'newsmark'
  })
  message.fatal = true
  const related = new VFileMessage('Related here', {place: {start: {line: 1, column: 1}, end: {line: 1, column: 4}}})
  message.cause = related
  const other = extra.message('Plain error cause', {ruleId: 'y'})
  other.cause = Object.assign(new Error('outer', {cause: new Error('inner')}), {stack: 'Error: outer\n    at somewhere'})
  extra.message('A cause that is no error', {cause: 'just a string' as unknown as Error})
  extra.info('An info')
  files.push(extra)
  assert.ok(files[1].messages.some((m) => m.cause instanceof Error))

  for (const color of [false, true]) {
    assert.equal(formatReport(files, {color}), reporter(files, {color}), `color: ${color}`)
  }

  assert.equal(formatReport([files[2]], {color: false}), reporter([files[2]], {color: false}))
})

test('report: a report of many files, written a chunk at a time, is the text of vfile-reporter', () => {
  const article = '# Report\n\nOutput will rise by 25 times, up 40 percent. “It is fine,” he said. Officials claimed that 300 people left.\n'
  const analysed = analyzeSync(new VFile({path: 'x.md', value: article}))
  assert.ok(analysed.messages.length > 2)
  // Enough files for several chunks, in no order (the report sorts them).
  const files = Array.from({length: 400}, (_, index) => {
    const file = new VFile({path: `articles/${String((index * 7919) % 400).padStart(3, '0')}.md`})
    for (const message of analysed.messages) file.messages.push(message)
    return file
  })
  const chunks: string[] = []
  const state = reportState({color: false})
  writeReport(
    files.map((file) => reportEntry(state, file)),
    state,
    (chunk) => chunks.push(chunk)
  )
  assert.ok(chunks.length > 1, 'written in chunks')
  assert.equal(chunks.join(''), reporter(files, {color: false}))
})
