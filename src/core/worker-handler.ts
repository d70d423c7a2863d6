/**
 * What an analysis worker does with a request, whichever worker it is (a
 * Node worker thread, `core-worker.ts`, or a Web Worker in the browser,
 * `web-core-worker.ts`): the core runs the analysis or reads the inline
 * annotations, and the answer is plain data (`WorkerAnswer`).
 */
import {VFile} from 'vfile'
import * as core from './index.ts'
import {toMessageData} from './message-data.ts'
import type {WorkerAnswer, WorkerRequest} from './worker-protocol.ts'

/**
 * Make a worker's handler: it keeps a Newsmark instance for the documents
 * it analyses, and a Markdown parser for inline annotations, made on first
 * use.
 * @returns
 *   Answers a request (`undefined` for those that have none, `forget`).
 */
export function createWorkerHandler(): (request: WorkerRequest) => WorkerAnswer | undefined {
  let parser: ReturnType<typeof core.createParser> | undefined
  // The worker's open documents: what an edit leaves alone is not redone.
  const newsmark = core.createNewsmark()
  // A batch's articles (`newsmark check`) share no text: only words are kept.
  let batch: core.Newsmark | undefined
  return (request) => {
    if (request.type === 'forget') {
      newsmark.forget(request.path)
      return undefined
    }
    try {
      if (request.type === 'directives') {
        parser ??= core.createParser()
        return {id: request.id, directives: core.readDirectives(parser.parse(request.value), request.value)}
      }
      const file = (request.batch ? (batch ??= core.createNewsmark({caches: false})) : newsmark).analyzeSync(new VFile(request.path === undefined ? {value: request.value} : {value: request.value, path: request.path}), request.options)
      return {
        id: request.id,
        result: file.data.newsmark ?? {entities: [], dates: [], claims: []},
        messages: file.messages.map((message) => toMessageData(message))
      }
    } catch (error) {
      return {
        id: request.id,
        error: error instanceof Error ? {name: error.name, message: error.message, stack: error.stack} : {name: 'Error', message: String(error)}
      }
    }
  }
}

/**
 * Load the core and its models (read on first use), so that the extension
 * counts an analysis's time from the `ready` the worker sends next.
 */
export function warmCore(): void {
  core.analyzeSync('Poland said on Monday that 25 people left.')
}
