/**
 * The analysis worker in a browser (`dist/web/core-worker.js`): a Web
 * Worker that the browser's entry (`web.ts`) starts from the web worker
 * extension host, so that an analysis past `newsmark.analysis.timeout` can
 * be stopped (`terminate()`) as the Node entry stops its worker thread. It
 * does what the Node worker does (`worker-handler.ts`); one classic script,
 * no Node, no module loader.
 */
import {createWorkerHandler, warmCore} from '../core/worker-handler.ts'
import type {WorkerAnswer, WorkerRequest} from '../core/worker-protocol.ts'

/** The parts of a dedicated worker's global scope used here. */
interface WorkerScope {
  onmessage: ((event: {data: WorkerRequest}) => void) | null
  postMessage(answer: WorkerAnswer): void
}

const scope = globalThis as unknown as WorkerScope
const handle = createWorkerHandler()
scope.onmessage = (event) => {
  const answer = handle(event.data)
  if (answer) scope.postMessage(answer)
}

warmCore()
scope.postMessage({ready: true})
