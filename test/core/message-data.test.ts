/**
 * One codec for findings crossing threads: the editor's (everything it reads)
 * and a report's (compact: what a report prints).
 */
import assert from 'node:assert/strict'
import test from 'node:test'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {addMessages, toMessageData} from '../../src/core/message-data.ts'

function sampleMessage(): VFileMessage {
  const file = new VFile({path: 'a.md', value: 'One two three.\nFour.\n'})
  const related = new VFileMessage('the first mention', {place: {line: 1, column: 1, offset: 0}, ruleId: 'inconsistent-name', source: 'newsmark'})
  const message = file.message('Name spelt two ways', {
    place: {start: {line: 2, column: 1, offset: 15}, end: {line: 2, column: 5, offset: 19}},
    ruleId: 'inconsistent-name',
    source: 'newsmark'
  })
  message.url = 'https://example.org/rules#inconsistent-name'
  message.expected = ['Four']
  message.note = 'Say which is right.'
  message.cause = related
  return message
}

test('message data: everything the editor reads, offsets and quick fixes, and back', () => {
  const data = toMessageData(sampleMessage())
  assert.deepEqual(data.place, {start: {line: 2, column: 1, offset: 15}, end: {line: 2, column: 5, offset: 19}})
  assert.equal(data.url, 'https://example.org/rules#inconsistent-name')
  assert.deepEqual(data.expected, ['Four'])
  assert.equal(data.stack, undefined, 'no stack for the editor')
  assert.deepEqual(structuredClone(data), data, 'plain data: a structured clone keeps all of it')
  const file = new VFile()
  addMessages(file, [data])
  const [back] = file.messages
  assert.equal(back!.reason, 'Name spelt two ways')
  assert.equal(back!.ruleId, 'inconsistent-name')
  assert.deepEqual(back!.expected, ['Four'])
  assert.ok(back!.cause instanceof VFileMessage)
  assert.equal((back!.cause as VFileMessage).reason, 'the first mention')
})

test('message data: compact keeps lines and columns, the stack, and an error cause, for a report', () => {
  const message = sampleMessage()
  const data = toMessageData(message, {compact: true})
  assert.deepEqual(data.place, {start: {line: 2, column: 1}, end: {line: 2, column: 5}})
  assert.equal(data.url, undefined)
  assert.equal(data.expected, undefined)
  assert.equal(data.note, undefined)
  assert.deepEqual((data.cause as {place?: unknown}).place, {line: 1, column: 1})

  const failed = new VFile().message('Cannot read the fact base', {ruleId: 'facts'})
  failed.cause = Object.assign(new TypeError('bad row 3'), {cause: new Error('deeper')})
  const withError = toMessageData(failed, {compact: true})
  assert.deepEqual(
    {...withError.cause, stack: undefined, cause: {...(withError.cause as {cause: object}).cause, stack: undefined}},
    {name: 'TypeError', message: 'bad row 3', stack: undefined, cause: {name: 'Error', message: 'deeper', stack: undefined}}
  )
  assert.match((withError.cause as {stack: string}).stack, /TypeError: bad row 3/)
  const file = new VFile()
  addMessages(file, [withError])
  const cause = file.messages[0]!.cause
  assert.ok(cause instanceof Error && !(cause instanceof VFileMessage))
  assert.equal(cause.name, 'TypeError')
  assert.equal(cause.message, 'bad row 3')
})
