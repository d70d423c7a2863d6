/**
 * The analysis runner (`analysis-runner.ts`) on a Node worker thread
 * (`dist/core-worker.cjs`): the Node entry's (`extension.ts`).
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
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
   *   Seconds an analysis may take (read for each one; `undefined`: no limit).
   * @param urgent
   *   Whether the analysis of a document (by path) goes ahead of those
   *   waiting that are not (default: none does).
   */
  constructor(script: string, timeout: () => number | undefined, urgent?: (path: string) => boolean) {
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

/**
 * The analysis worker's script for a module: `core-worker.cjs` beside its
 * bundle (`dist/cli.mjs`, `dist/server.mjs`), or, for a module run from its
 * source (`src/…`, tests), the built `dist/core-worker.cjs`.
 *
 * @param moduleUrl
 *   `import.meta.url` of the module.
 * @returns
 *   Path, if the script is there.
 */
export function coreWorkerScript(moduleUrl: string): string | undefined {
  const folder = path.dirname(fileURLToPath(moduleUrl))
  for (const script of [path.join(folder, 'core-worker.cjs'), path.join(folder, '..', '..', 'dist', 'core-worker.cjs')]) {
    if (fs.existsSync(script)) return script
  }

  return undefined
}
