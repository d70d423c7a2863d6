/**
 * The core's analysis, run in a worker thread (`core-worker.ts`): the
 * extension host stays free while an article is analysed (a 1 MB one takes
 * a second cold, a tenth of one after an edit), an analysis that runs past
 * `newsmark.analysis.timeout` is stopped (Markdown on which the parser is
 * quadratic, such as thousands of nested `>`), and a crash or an
 * out-of-memory in the core takes the worker down, not the editor.
 *
 * One worker, one analysis at a time, in the order asked (the open
 * documents' ahead of the others, `urgent`); it starts on the
 * first analysis and again after a stop. Its core keeps what it learnt of
 * each open document (`forgetDocument` is sent on). The inline annotations
 * of an article (directives: a Markdown parse too) are read there as well
 * (`directives`).
 */
import {Worker} from 'node:worker_threads'
import {VFile, type Compatible} from 'vfile'
import type {Options} from '../core/index.ts'
import {addMessages} from '../core/message-data.ts'
import {AnalysisStopped, type Directives, type WorkerAnswer, type WorkerRequest} from '../core/worker-protocol.ts'

export {AnalysisStopped} from '../core/worker-protocol.ts'

/** A request that has an answer. */
type Request = Exclude<WorkerRequest, {type: 'forget'}>

/** An answer that is no error. */
type Answer = Exclude<WorkerAnswer, {ready: true} | {error: unknown}>

/** A request sent or waiting. */
interface Job {
  request: Request
  /** Whether it goes ahead of the waiting requests that are not. */
  urgent: boolean
  resolve(answer: Answer): void
  reject(error: Error): void
}

/** Runs the core's `analyze` in a worker thread. */
export class AnalysisWorker {
  readonly #script: string
  readonly #timeout: () => number
  readonly #urgent: (path: string) => boolean
  #worker: Worker | undefined
  /** Whether the worker has loaded the core and its models (a job's time starts then). */
  #ready = false
  readonly #queue: Job[] = []
  #current: Job | undefined
  #timer: ReturnType<typeof setTimeout> | undefined
  #ids = 0
  #disposed = false

  /**
   * @param script
   *   Path of the worker's bundle (`dist/core-worker.cjs`).
   * @param timeout
   *   Seconds an analysis may take (read for each one).
   * @param urgent
   *   Whether the analysis of a document (by path) goes ahead of those
   *   waiting that are not (default: none does). The extension's: documents
   *   open in an editor, ahead of a search of the workspace's other files.
   */
  constructor(script: string, timeout: () => number, urgent: (path: string) => boolean = () => false) {
    this.#script = script
    this.#timeout = timeout
    this.#urgent = urgent
  }

  /**
   * The core, with `analyze` run in the worker and `forgetDocument` sent
   * on to it.
   *
   * @param core
   *   The part of the core loaded in this thread (its functions run here).
   * @returns
   *   Core.
   */
  wrap<T extends object>(core: T): T & {analyze: AnalysisWorker['analyze']; forgetDocument: (path: string) => void} {
    return {
      ...core,
      analyze: (value, options) => this.analyze(value, options),
      forgetDocument: (path) => this.forget(path)
    }
  }

  /**
   * Analyse a document in the worker.
   *
   * @param value
   *   Markdown source or vfile (its path is how the core knows the document).
   * @param options
   *   Core options.
   * @returns
   *   The file, with `data.newsmark` and its messages.
   * @throws
   *   `AnalysisStopped` past the time allowed; the core's error when it failed.
   */
  async analyze(value: Compatible, options?: Readonly<Options> | null): Promise<VFile> {
    const file = value instanceof VFile ? value : new VFile(value)
    const request: Request = {type: 'analyze', id: ++this.#ids, value: String(file), options: {...options}}
    if (file.path) request.path = file.path
    const answer = await this.#ask(request, file.path ? this.#urgent(file.path) : false)
    if (!('result' in answer)) throw new Error('The analysis worker answered an analysis with something else')
    file.data.newsmark = answer.result
    addMessages(file, answer.messages)
    return file
  }

  /**
   * Read the inline annotations of a text in the worker (a Markdown parse,
   * which can take as long as an analysis).
   *
   * @param value
   *   Markdown source.
   * @returns
   *   Annotations and problems (`line:column: message`).
   * @throws
   *   `AnalysisStopped` past the time allowed.
   */
  async directives(value: string): Promise<Directives> {
    // (The reader's annotations of an article being shown.)
    const answer = await this.#ask({type: 'directives', id: ++this.#ids, value}, true)
    if (!('directives' in answer)) throw new Error('The analysis worker answered a read of directives with something else')
    return answer.directives
  }

  /**
   * Queue a request: after the others, or, urgent, after the other urgent
   * ones.
   *
   * @param request
   *   Request.
   * @param urgent
   *   Whether it is urgent.
   * @returns
   *   Its answer.
   */
  #ask(request: Request, urgent: boolean): Promise<Answer> {
    return new Promise<Answer>((resolve, reject) => {
      if (this.#disposed) {
        reject(new Error('The analysis worker is disposed'))
        return
      }
      const job: Job = {request, urgent, resolve, reject}
      const before = urgent ? this.#queue.findIndex((waiting) => !waiting.urgent) : -1
      if (before === -1) this.#queue.push(job)
      else this.#queue.splice(before, 0, job)
      this.#next()
    })
  }

  /**
   * Start the worker now, so that it loads the core while the extension
   * host does too (the first analysis comes next).
   */
  warm(): void {
    if (this.#disposed || this.#worker) return
    try {
      this.#start()
    } catch {
      // The first analysis reports it.
    }
  }

  /**
   * Let the worker's core forget a document (it closed).
   *
   * @param path
   *   The path it was analysed with.
   */
  forget(path: string): void {
    // A worker that is not running keeps nothing.
    this.#worker?.postMessage({type: 'forget', path} satisfies WorkerRequest)
  }

  /** Stop the worker; analyses asked for and not done fail. */
  dispose(): void {
    this.#disposed = true
    const error = new Error('The analysis worker is disposed')
    for (const job of this.#queue.splice(0)) job.reject(error)
    this.#stop(error)
  }

  /** Send the next job, once the worker is ready and free. */
  #next(): void {
    if (this.#current || this.#queue.length === 0 || this.#disposed) return
    let worker: Worker
    try {
      worker = this.#start()
    } catch (error) {
      // (Options Node refuses; a script that is not there fails later, as
      // an `error` event.)
      for (const job of this.#queue.splice(0)) job.reject(error instanceof Error ? error : new Error(String(error)))
      return
    }
    if (!this.#ready) return
    const job = this.#queue.shift()!
    this.#current = job
    const seconds = this.#timeout()
    this.#timer = setTimeout(() => this.#stop(new AnalysisStopped(seconds)), seconds * 1000)
    try {
      worker.postMessage(job.request)
    } catch (error) {
      // Options that cannot be cloned: this job fails, the next goes.
      this.#settle()
      job.reject(error instanceof Error ? error : new Error(String(error)))
      this.#next()
    }
  }

  /** The worker, started if need be. */
  #start(): Worker {
    if (this.#worker) return this.#worker
    const worker = new Worker(this.#script)
    this.#worker = worker
    this.#ready = false
    worker.on('message', (answer: WorkerAnswer) => {
      if (this.#worker !== worker) return
      if ('ready' in answer) {
        this.#ready = true
      } else {
        const job = this.#current
        if (!job || job.request.id !== answer.id) return
        this.#settle()
        if ('error' in answer) job.reject(Object.assign(new Error(answer.error.message), answer.error))
        else job.resolve(answer)
      }
      this.#next()
    })
    worker.on('error', (error) => {
      if (this.#worker === worker) this.#stop(new Error(`The analysis worker failed: ${error.message}`, {cause: error}))
    })
    worker.on('exit', (code) => {
      if (this.#worker === worker) this.#stop(new Error(`The analysis worker exited (code ${code})`))
    })
    return worker
  }

  /** Clear the current job's timer; it is done. */
  #settle(): void {
    clearTimeout(this.#timer)
    this.#timer = undefined
    this.#current = undefined
  }

  /**
   * Stop the worker: the current job fails with `error`; the next starts a
   * new worker.
   *
   * @param error
   *   Why.
   */
  #stop(error: Error): void {
    const worker = this.#worker
    this.#worker = undefined
    this.#ready = false
    const job = this.#current
    this.#settle()
    void worker?.terminate()
    job?.reject(error)
    // A job that was waiting for the worker to load: no worker loads it now.
    if (!job && this.#queue.length > 0 && !this.#disposed) {
      const waiting = this.#queue.shift()!
      waiting.reject(error)
    }
    this.#next()
  }
}
