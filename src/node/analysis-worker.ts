/**
 * The analysis runner (`analysis-runner.ts`) on a Node worker thread
 * (`dist/core-worker.cjs`): the Node entry's (`extension.ts`).
 */
import {Worker} from 'node:worker_threads'
import {AnalysisRunner, type Spawn} from '../service/analysis-runner.ts'
import type {WorkerAnswer} from '../core/worker-protocol.ts'

export {AnalysisStopped} from '../core/worker-protocol.ts'

/** Runs the core's `analyze` in a worker thread. */
export class AnalysisWorker extends AnalysisRunner {
  /**
   * @param script
   *   Path of the worker's bundle (`dist/core-worker.cjs`).
   * @param timeout
   *   Seconds an analysis may take (read for each one).
   * @param urgent
   *   Whether the analysis of a document (by path) goes ahead of those
   *   waiting that are not (default: none does).
   */
  constructor(script: string, timeout: () => number, urgent?: (path: string) => boolean) {
    super(threadSpawn(script), timeout, urgent)
  }
}

/**
 * Start Node worker threads on a script.
 * @param script
 *   Path of the worker's bundle.
 * @returns
 *   The spawn function.
 */
function threadSpawn(script: string): Spawn {
  return (events) => {
    const worker = new Worker(script)
    worker.on('message', (answer: WorkerAnswer) => events.message(answer))
    worker.on('error', (error) => events.error(error))
    worker.on('exit', (code) => events.exit(code))
    return {
      postMessage: (request) => worker.postMessage(request),
      terminate: () => void worker.terminate()
    }
  }
}
