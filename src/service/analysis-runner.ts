/**
 * The core's analysis, run in a worker (`core-worker.ts`, a Node worker
 * thread, or `web-core-worker.ts`, a Web Worker in the browser): the
 * extension host stays free while an article is analysed (a 1 MB one takes
 * a second cold, a tenth of one after an edit), an analysis that runs past
 * `newsmark.analysis.timeout` is stopped (Markdown on which the parser is
 * quadratic, such as thousands of nested `>`), and a crash or an
 * out-of-memory in the core takes the worker down, not the editor.
 *
 * One worker, one analysis at a time, in the order asked (the open
 * documents' ahead of the others, `urgent`); it starts on the
 * first analysis and again after a stop. Its core keeps what it learnt of
 * each open document (`forget` is sent on). The inline annotations
 * of an article (directives: a Markdown parse too) are read there as well
 * (`directives`).
 */
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

/** What the runner needs of a worker: Node's `worker_threads` or the browser's `Worker`, adapted. */
export interface WorkerHandle {
  postMessage(request: WorkerRequest): void
  /** Stop it now (a thread busy in a loop included). */
  terminate(): void
}

/** What a worker reports, passed to `Spawn`. */
export interface WorkerEvents {
  message(answer: WorkerAnswer): void
  error(error: Error): void
  /** It ended by itself (Node's `exit`; a Web Worker has none). */
  exit(code: number): void
}

/** Start a worker that reports to `events`; throws when it cannot. */
export type Spawn = (events: WorkerEvents) => WorkerHandle

/**
 * Runs the core's `analyze` in a worker: no Node here, the worker comes from
 * a `Spawn` (`analysis-worker.ts` for Node, `web-analysis.ts` for the
 * browser).
 */
export class AnalysisRunner {
  readonly #spawn: Spawn
  readonly #timeout: () => number | undefined
  readonly #urgent: (path: string) => boolean
  #worker: WorkerHandle | undefined
  /** Whether the worker has loaded the core and its models (a job's time starts then). */
  #ready = false
  readonly #queue: Job[] = []
  #current: Job | undefined
  #timer: ReturnType<typeof setTimeout> | undefined
  #ids = 0
  #disposed = false
  /** Who waits for the worker to be ready (`ready()`). */
  readonly #waiters: Array<{resolve(): void; reject(error: Error): void}> = []

  /**
   * @param spawn
   *   Starts a worker (again after a stop).
   * @param timeout
   *   Seconds an analysis may take (read for each one).
   * @param urgent
   *   Whether the analysis of a document (by path) goes ahead of those
   *   waiting that are not (default: none does). The extension's: documents
   *   open in an editor, ahead of a search of the workspace's other files.
   */
  constructor(spawn: Spawn, timeout: () => number | undefined, urgent: (path: string) => boolean = () => false) {
    this.#spawn = spawn
    this.#timeout = timeout
    this.#urgent = urgent
  }

  /**
   * The core, with `analyze` run in the worker and `forget` sent
   * on to it.
   *
   * @param core
   *   The part of the core loaded in the extension host (its functions run
   *   there).
   * @returns
   *   Core.
   */
  wrap<T extends object>(core: T): T & {analyze: AnalysisRunner['analyze']; forget: (path: string) => void} {
    return {
      ...core,
      analyze: (value, options) => this.analyze(value, options),
      forget: (path) => this.forget(path)
    }
  }

  /**
   * Analyse a document in the worker.
   *
   * @param value
   *   Markdown source or vfile (its path is how the core knows the document).
   * @param options
   *   Core options.
   * @param how
   *   Whether the document is one of a batch that shares no text (`newsmark
   *   check`): the worker then keeps nothing of it (default: it keeps what
   *   the next analysis after an edit can use).
   * @returns
   *   The file, with `data.newsmark` and its messages.
   * @throws
   *   `AnalysisStopped` past the time allowed; the core's error when it failed.
   */
  async analyze(value: Compatible, options?: Readonly<Options> | null, how?: {batch?: boolean}): Promise<VFile> {
    const file = value instanceof VFile ? value : new VFile(value)
    const request: Request = {type: 'analyze', id: ++this.#ids, value: String(file), options: {...options}}
    if (how?.batch) request.batch = true
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
    let worker: WorkerHandle
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
    // (No limit: `newsmark check` without `--timeout`.)
    const seconds = this.#timeout()
    if (seconds !== undefined) this.#timer = setTimeout(() => this.#stop(new AnalysisStopped(seconds)), seconds * 1000)
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
  #start(): WorkerHandle {
    if (this.#worker) return this.#worker
    this.#ready = false
    // (Events come after `spawn` returns: Node's and the browser's workers
    // report from the next turn on, and a handle of another start is ignored.)
    let worker: WorkerHandle | undefined
    const handle = this.#spawn({
      message: (answer) => {
        if (!worker || this.#worker !== worker) return
        if ('ready' in answer) {
          this.#ready = true
          for (const waiter of this.#waiters.splice(0)) waiter.resolve()
        } else {
          const job = this.#current
          if (!job || job.request.id !== answer.id) return
          this.#settle()
          if ('error' in answer) job.reject(Object.assign(new Error(answer.error.message), answer.error))
          else job.resolve(answer)
        }
        this.#next()
      },
      error: (error) => {
        if (worker && this.#worker === worker) this.#stop(gone(`The analysis worker failed: ${error.message}`, error))
      },
      exit: (code) => {
        if (worker && this.#worker === worker) this.#stop(gone(`The analysis worker exited (code ${code})`))
      }
    })
    worker = handle
    this.#worker = handle
    return handle
  }

  /**
   * Start the worker and wait until it has loaded the core: whether workers
   * run here at all (the browser's entry analyses in its own thread when
   * they do not).
   *
   * @returns
   *   Resolves when it is ready.
   * @throws
   *   Why it could not start, or what stopped it before it was ready.
   */
  ready(): Promise<void> {
    if (this.#ready) return Promise.resolve()
    return new Promise<void>((resolve, reject) => {
      this.#waiters.push({resolve, reject})
      try {
        this.#start()
      } catch (error) {
        this.#waiters.pop()
        reject(error instanceof Error ? error : new Error(String(error)))
      }
    })
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
    try {
      worker?.terminate()
    } catch {
      // Gone already.
    }
    job?.reject(error)
    for (const waiter of this.#waiters.splice(0)) waiter.reject(error)
    // A job that was waiting for the worker to load: no worker loads it now.
    if (!job && this.#queue.length > 0 && !this.#disposed) {
      const waiting = this.#queue.shift()!
      waiting.reject(error)
    }
    this.#next()
  }
}

/**
 * The error of an analysis whose worker went away (it crashed, ran out of
 * memory, or could not start): named `AnalysisWorkerGone`, so that a caller
 * can try again in a new worker, unlike an error of the core.
 *
 * @param message
 *   What happened.
 * @param cause
 *   The worker's error, if any.
 * @returns
 *   Error.
 */
function gone(message: string, cause?: Error): Error {
  const error = new Error(message, cause ? {cause} : undefined)
  error.name = 'AnalysisWorkerGone'
  return error
}
