/**
 * The analysis worker (`dist/core-worker.cjs`, a `node:worker_threads`
 * worker of the extension host or the language server): runs the core on the documents the
 * extension sends, one at a time, so that a long or pathological article
 * never blocks the editor, and keeps the core's memory of each open
 * document (for parsing only what an edit changed) until told to forget it.
 *
 * It also reads the inline annotations of a text (a Markdown parse too).
 * Requests (`WorkerRequest`) and answers (`WorkerAnswer`) are plain data.
 */
import {parentPort} from 'node:worker_threads'
import {VFile} from 'vfile'
import * as core from '../core/index.ts'
import {toMessageData} from '../core/message-data.ts'
import type {WorkerAnswer, WorkerRequest} from '../core/worker-protocol.ts'

const port = parentPort
if (!port) throw new Error('core-worker.cjs runs as a worker thread (of the extension host or the language server)')

// Parses Markdown for inline annotations (made on first use).
let parser: ReturnType<typeof core.createParser> | undefined

port.on('message', (request: WorkerRequest) => {
  if (request.type === 'forget') {
    core.forgetDocument(request.path)
    return
  }

  let answer: WorkerAnswer
  try {
    if (request.type === 'directives') {
      parser ??= core.createParser()
      answer = {id: request.id, directives: core.readDirectives(parser.parse(request.value), request.value)}
    } else {
      const file = core.analyzeSync(new VFile(request.path === undefined ? {value: request.value} : {value: request.value, path: request.path}), request.options)
      answer = {
        id: request.id,
        result: file.data.newsmark ?? {entities: [], dates: [], claims: []},
        messages: file.messages.map((message) => toMessageData(message))
      }
    }
  } catch (error) {
    answer = {
      id: request.id,
      error: error instanceof Error ? {name: error.name, message: error.message, stack: error.stack} : {name: 'Error', message: String(error)}
    }
  }

  port.postMessage(answer)
})

// The core is loaded, and its models once read (they are read on first
// use): the extension counts an analysis's time from here.
core.analyzeSync('Poland said on Monday that 25 people left.')
port.postMessage({ready: true} satisfies WorkerAnswer)
