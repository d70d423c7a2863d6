/**
 * `newsmark check` over many files on several threads.
 *
 * The main thread analyses files too; each worker (`node:worker_threads`,
 * the CLI bundle itself started again with `workerData.newsmarkCheck`)
 * takes the next files from one queue, so a slow file does not hold the
 * others up. A file's outcome (its messages, or the one-line error) comes
 * back as plain data, what the report shows of it is put at the file's
 * index, and the report is written once every file is done: the output is
 * the same, byte for byte, whatever the number of threads and whichever
 * finished first.
 */
import os from 'node:os'
import path from 'node:path'
import {Worker, isMainThread, parentPort, workerData} from 'node:worker_threads'
import type {VFile} from 'vfile'
import {analyzeSync} from '../core/analyze.ts'
import {configuredOptions} from '../core/config/load.ts'
import {loadConfigSync} from '../node/config.ts'
import {ConfigError} from '../core/config/validate.ts'
import {FactsError} from '../core/facts/parse.ts'
import {toMessageData} from '../core/message-data.ts'
import type {Options} from '../core/options.ts'
import {printable} from './printable.ts'
import {InputError, readMarkdown} from './read.ts'
import type {ReportFile, ReportMessage} from './report.ts'

/** What every thread needs to check a file. */
export interface CheckSettings {
  /** Largest file size in bytes. */
  maxSize: number
  /** Options from the command line (reference date). */
  analyzeOptions: Options
  /**
   * Seconds a file's analysis may take (`--timeout`): past it, the worker
   * analysing it is stopped and the file reported as an error. Every file
   * is then analysed in a worker, one at a time each (default: no limit,
   * and the main thread analyses too).
   */
  timeout?: number | undefined
}

/** The outcome of checking one file: its messages, or an error line. */
export type CheckOutcome = {file: ReportFile} | {error: string}

/** A message as plain data (structured-clone safe). */

/** Files in flight per worker: enough that it never waits for the main thread. */
const depth = 4

/**
 * Threads to use when `--jobs` is not given: one per core, but no more than
 * one per 200 KB of input (starting a worker costs about a second of CPU:
 * loading the bundle and its models).
 *
 * @param files
 *   Number of files.
 * @param bytes
 *   Their total size.
 * @returns
 *   Threads.
 */
export function defaultJobs(files: number, bytes: number): number {
  return Math.max(1, Math.min(os.availableParallelism(), files, Math.floor(bytes / 200_000)))
}

/**
 * Check files on `jobs` threads (the main thread and `jobs - 1` workers).
 *
 * @param names
 *   File paths.
 * @param settings
 *   Settings.
 * @param jobs
 *   Threads.
 * @param entry
 *   URL of the CLI module, which the workers run.
 * @param keep
 *   What to keep of an outcome, as soon as it is in (default: all of it):
 *   a check of many files then holds less.
 * @returns
 *   What was kept of each file's outcome, in the order of `names`.
 */
export async function checkFiles<T = CheckOutcome>(
  names: ReadonlyArray<string>,
  settings: CheckSettings,
  jobs: number,
  entry: string,
  keep: (outcome: CheckOutcome) => T = (outcome) => outcome as T
): Promise<T[]> {
  const outcomes: T[] = new Array(names.length)
  const timeout = settings.timeout
  // With a time limit, workers only: a worker can be stopped, the main
  // thread cannot.
  const workers = timeout === undefined ? Math.min(jobs, names.length) - 1 : Math.min(jobs, names.length)
  let next = 0
  let done = 0
  // Files whose worker died: the main thread takes them again (with a time
  // limit, a new worker, once).
  const retry: number[] = []
  const crashed = new Set<number>()
  // Workers that died before they were ready (a broken install, no memory
  // to load the models): past two, no new one is started.
  let coldDeaths = 0
  let wake: (() => void) | undefined
  const pool: Worker[] = []

  const finish = (index: number, outcome: CheckOutcome) => {
    outcomes[index] = keep(outcome)
    done++
    wake?.()
  }

  /** Start a worker that takes files from the queue (again, after a stop). */
  const startSlot = () => {
    const worker = startWorker(entry, settings)
    const inFlight = new Set<number>()
    let alive = true
    // With a time limit, files go to a worker once it has loaded the core and
    // read its models: a cold start is not the file's time.
    let ready = timeout === undefined
    let timer: ReturnType<typeof setTimeout> | undefined
    const feed = () => {
      // With a time limit, one file at a time: the one the timer is for.
      while (alive && ready && inFlight.size < (timeout === undefined ? depth : 1)) {
        const index = retry.length > 0 && timeout !== undefined ? retry.shift()! : next < names.length ? next++ : undefined
        if (index === undefined) break
        inFlight.add(index)
        worker.postMessage({index, name: names[index]})
        if (timeout !== undefined) timer = setTimeout(() => stop(index), timeout * 1000)
      }
    }

    const lost = () => {
      if (!alive) return
      alive = false
      clearTimeout(timer)
      if (timeout === undefined) {
        // The main thread takes them.
        retry.push(...inFlight)
      } else {
        // A new worker takes them, once: a file that takes a worker down
        // twice is an error.
        for (const index of inFlight) {
          if (crashed.has(index)) finish(index, {error: `newsmark: ${names[index]}: unexpected error: the analysis stopped its thread twice\n`})
          else retry.push(index)
          crashed.add(index)
        }

        if (!ready && ++coldDeaths >= 2) {
          // No worker can start: every file left is an error, never a loop.
          const left = [...retry.splice(0), ...Array.from({length: names.length - next}, (_, offset) => next + offset)]
          next = names.length
          for (const index of left) finish(index, {error: `newsmark: ${names[index]}: unexpected error: no analysis thread could start\n`})
        } else if (done < names.length) {
          startSlot()
        }
      }

      inFlight.clear()
      wake?.()
    }

    // Past the time limit: that file is an error, the others go on in a new worker.
    const stop = (index: number) => {
      alive = false
      inFlight.delete(index)
      void worker.terminate()
      finish(index, {error: `newsmark: ${names[index]}: analysis ran past --timeout (${timeout} s) and was stopped\n`})
      if (done < names.length) startSlot()
    }

    worker.on('message', (message: {ready: true} | {index: number; outcome: CheckOutcome}) => {
      if ('ready' in message) {
        ready = true
        feed()
        return
      }

      const {index, outcome} = message
      clearTimeout(timer)
      inFlight.delete(index)
      feed()
      finish(index, outcome)
    })
    worker.on('error', lost)
    worker.on('exit', lost)
    pool.push(worker)
    feed()
  }

  for (let count = 0; count < workers; count++) startSlot()

  // The main thread's next file, already being read while it analyses the
  // one before (reading is asynchronous; analysing is not).
  const claim = (): Pending | undefined => {
    const index = retry.length > 0 ? retry.shift() : next < names.length ? next++ : undefined
    return index === undefined ? undefined : {index, read: startRead(names[index], settings)}
  }

  let current: Pending | undefined
  try {
    while (done < names.length) {
      // Files of a worker that died since the last look are taken here too
      // (not with a time limit: the workers take them).
      current ??= timeout === undefined ? claim() : undefined
      if (!current) {
        // Everything is handed out: wait for the workers.
        await new Promise<void>((resolve) => {
          wake = resolve
        })
        wake = undefined
        continue
      }

      const ahead = claim()
      finish(current.index, await checkFile(names[current.index], settings, current.read))
      current = ahead
      // Let the workers' results (and their requests for more) in.
      await new Promise((resolve) => setImmediate(resolve))
    }
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()))
  }

  return outcomes
}

/**
 * Start a worker that runs `entry` (the CLI): the bundle as it is, or the
 * TypeScript source through tsx when the CLI runs from `src/`.
 *
 * @param entry
 *   URL of the CLI module.
 * @param settings
 *   Settings.
 * @returns
 *   Worker.
 */
function startWorker(entry: string, settings: CheckSettings): Worker {
  const data = {newsmarkCheck: true, settings}
  if (!entry.endsWith('.ts')) return new Worker(new URL(entry), {workerData: data})
  // Loader hooks of the main thread do not reach a worker's entry module.
  const code = `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(entry)}) })`
  return new Worker(code, {eval: true, workerData: data})
}

/**
 * Whether this thread is a check worker (the CLI module then serves files
 * instead of running the command line).
 *
 * @returns
 *   Whether it is.
 */
export function isCheckWorker(): boolean {
  return !isMainThread && Boolean(workerData?.newsmarkCheck)
}

/** Serve files to the main thread until it terminates this worker. */
export function serveCheckWorker(): void {
  const settings = workerData.settings as CheckSettings
  parentPort!.on('message', async ({index, name}: {index: number; name: string}) => {
    const outcome = await checkFile(name, settings)
    parentPort!.postMessage({index, outcome})
  })
  // The models are read on first use: read them now, then say so, so that a
  // time limit counts the file's analysis only. (Should that fail, the
  // files' own analyses will say why.)
  try {
    analyzeSync('Poland said on Monday that 25 people left.')
  } catch {}
  parentPort!.postMessage({ready: true})
}

/** A file handed to the main thread, and its read in progress. */
interface Pending {
  index: number
  read: Promise<VFile>
}

/**
 * Start reading a file, to await later: its failure is handled then, not
 * reported as an unhandled rejection in the meantime.
 *
 * @param name
 *   File path.
 * @param settings
 *   Settings.
 * @returns
 *   The read.
 */
function startRead(name: string, settings: CheckSettings): Promise<VFile> {
  const read = readMarkdown(name, settings.maxSize)
  read.catch(() => {})
  return read
}

/**
 * Check one file: read it, load its configuration and analyse it.
 *
 * @param name
 *   File path.
 * @param settings
 *   Settings.
 * @param read
 *   The file's read, when already started.
 * @returns
 *   Its messages (plain data), or the line to report.
 */
export async function checkFile(
  name: string,
  settings: CheckSettings,
  read: Promise<VFile> = readMarkdown(name, settings.maxSize)
): Promise<CheckOutcome> {
  try {
    const file = analyzeSync(await read, optionsFor(name, settings))
    return {file: {path: file.path, messages: file.messages.map((message) => toMessageData(message, {compact: true}) as ReportMessage)}}
  } catch (error) {
    return {error: errorLine(error, name)}
  }
}

// Configuration per folder: an article's `.newsmarkrc` and fact base are
// found upwards from its folder, so every file of a folder shares them
// (and a folder of 10,000 articles reads and parses them once).
const configs = new Map<string, {options: Options} | {error: unknown}>()

/**
 * The options of one article: the command line's, its `.newsmarkrc`
 * severities and its fact base.
 *
 * @param name
 *   File path.
 * @param settings
 *   Settings.
 * @returns
 *   Options.
 * @throws
 *   The configuration's error.
 */
function optionsFor(name: string, settings: CheckSettings): Options {
  const folder = path.dirname(path.resolve(name))
  let config = configs.get(folder)
  if (!config) {
    try {
      const {settings: loaded} = loadConfigSync(path.join(folder, path.basename(name)))
      config = {
        options: configuredOptions(settings.analyzeOptions, loaded)
      }
    } catch (error) {
      config = {error}
    }

    configs.set(folder, config)
  }

  if ('error' in config) throw config.error
  return config.options
}

/**
 * The line `newsmark` prints for a file it could not check.
 *
 * @param error
 *   Error.
 * @param name
 *   Path of the file, for errors whose message does not name it.
 * @returns
 *   Line (with its newline).
 */
export function errorLine(error: unknown, name?: string): string {
  if (error instanceof InputError || error instanceof ConfigError || error instanceof FactsError) {
    return `newsmark: ${error.message}\n`
  }

  const reason = error instanceof Error ? error.message : String(error)
  return `newsmark: ${name === undefined ? '' : printable(name) + ': '}unexpected error: ${reason}\n`
}

