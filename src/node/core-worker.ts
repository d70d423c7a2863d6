/**
 * The analysis worker (`dist/core-worker.cjs`, a `node:worker_threads`
 * worker of the extension host or the language server): runs the core on the documents the
 * extension sends, one at a time, so that a long or pathological article
 * never blocks the editor, and keeps the core's memory of each open
 * document (for parsing only what an edit changed) until told to forget it.
 *
 * It also reads the inline annotations of a text (a Markdown parse too).
 * Requests (`WorkerRequest`) and answers (`WorkerAnswer`) are plain data;
 * what it does with them is `worker-handler.ts`, shared with the browser's
 * worker (`web-core-worker.ts`).
 */
import {parentPort} from 'node:worker_threads'
import {createWorkerHandler, warmCore} from '../core/worker-handler.ts'
import type {WorkerAnswer, WorkerRequest} from '../core/worker-protocol.ts'

const port = parentPort
if (!port) throw new Error('core-worker.cjs runs as a worker thread (of the extension host or the language server)')

const handle = createWorkerHandler()
port.on('message', (request: WorkerRequest) => {
  const answer = handle(request)
  if (answer) port.postMessage(answer)
})

warmCore()
port.postMessage({ready: true} satisfies WorkerAnswer)
