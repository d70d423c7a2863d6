/**
 * Analyses in a browser: the analysis runner (`analysis-runner.ts`) on a
 * Web Worker started from the web worker extension host, so that
 * `newsmark.analysis.timeout` stops a long analysis there too
 * (`Worker.terminate()`), and the extension host stays free meanwhile.
 *
 * The worker's script (`dist/web/core-worker.js`) is read from the
 * extension's folder and started from a `blob:` URL: VS Code's web worker
 * host lets an extension start workers (it wraps `Worker`, and refuses
 * `vscode-remote:` addresses, so a script of a remote-installed extension
 * cannot be started by its address), and patches `fetch` to read
 * `vscode-remote:` and `file:` resources.
 */
import * as vscode from 'vscode'
import {AnalysisRunner, type Spawn} from '../service/analysis-runner.ts'
import type {WorkerAnswer} from '../core/worker-protocol.ts'

/** The browser's `Worker`, as far as it is used here. */
interface BrowserWorker {
  onmessage: ((event: {data: WorkerAnswer}) => void) | null
  onerror: ((event: {message?: string; preventDefault(): void}) => void) | null
  onmessageerror: ((event: unknown) => void) | null
  postMessage(message: unknown): void
  terminate(): void
}

type WorkerConstructor = new (url: string, options?: {name?: string}) => BrowserWorker

/**
 * The URL to start the worker from: its script, read from the extension's
 * folder, as a `blob:` URL.
 * @param extensionUri
 *   The extension's folder.
 * @returns
 *   The URL.
 * @throws
 *   When the script cannot be read.
 */
export async function workerScriptUrl(extensionUri: vscode.Uri): Promise<string> {
  const uri = vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'core-worker.js')
  let code: string | Uint8Array
  try {
    // (VS Code's web worker host reads `vscode-remote:` through its `fetch`.)
    const response = await fetch(uri.toString(true))
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`)
    code = await response.text()
  } catch {
    code = await vscode.workspace.fs.readFile(uri)
  }
  return URL.createObjectURL(new Blob([typeof code === 'string' ? code : new TextDecoder().decode(code)], {type: 'text/javascript'}))
}

/**
 * Start Web Workers on a script.
 * @param url
 *   The script's URL (`workerScriptUrl`).
 * @returns
 *   The spawn function.
 * @throws
 *   When this host has no `Worker`.
 */
export function webSpawn(url: string): Spawn {
  const Worker = (globalThis as {Worker?: WorkerConstructor}).Worker
  if (!Worker) throw new Error('this browser host has no Web Workers')
  return (events) => {
    const worker = new Worker(url, {name: 'Newsmark analysis'})
    worker.onmessage = (event) => events.message(event.data)
    worker.onerror = (event) => {
      // Reported here, not as an uncaught error of the extension host.
      event.preventDefault()
      events.error(new Error(event.message || 'the worker could not run its script'))
    }
    worker.onmessageerror = () => events.error(new Error('a message of the worker could not be read'))
    return {postMessage: (request) => worker.postMessage(request), terminate: () => worker.terminate()}
  }
}

/**
 * An analysis runner on a Web Worker, once it has loaded the core.
 * @param extensionUri
 *   The extension's folder.
 * @param timeout
 *   Seconds an analysis may take (read for each one).
 * @param urgent
 *   Whether a document's analysis goes ahead of the others.
 * @returns
 *   The runner, ready.
 * @throws
 *   When no worker can run here (the caller analyses in its own thread).
 */
export async function startWebRunner(extensionUri: vscode.Uri, timeout: () => number, urgent: (path: string) => boolean): Promise<AnalysisRunner> {
  const runner = new AnalysisRunner(webSpawn(await workerScriptUrl(extensionUri)), timeout, urgent)
  try {
    await runner.ready()
  } catch (error) {
    runner.dispose()
    throw error
  }
  return runner
}
