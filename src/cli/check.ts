/**
 * `newsmark check` over many files on several threads.
 *
 * On one thread, the main thread reads and analyses each file. On more,
 * each worker is the analysis worker the language server and the editor
 * run (`AnalysisWorker` over `dist/core-worker.cjs`: one runner, one
 * protocol, one message codec, its time counted from when it is ready):
 * the main thread reads the files and their configurations and hands each
 * to the next free worker, so a slow file does not hold the others up. A
 * file's outcome (its messages, or the one-line error) is plain data, what
 * the report shows of it is put at the file's index, and the report is
 * written once every file is done: the output is the same, byte for byte,
 * whatever the number of threads and whichever finished first. Besides the
 * findings, what could not be read with an article (its annotation
 * sidecar, its inline directives) is reported as the editor reports it.
 */
import os from 'node:os'
import path from 'node:path'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {createNewsmark, createProcessor, type Newsmark} from '../core/analyze.ts'
import {readDirectives} from '../core/annotations/inline.ts'
import type {Directives} from '../core/worker-protocol.ts'
import {reviewMessages} from '../core/annotations/review.ts'
import {sidecarName} from '../core/annotations/sidecar.ts'
import {mayHaveDirectives} from '../core/annotations/syntax.ts'
import {AnalysisStopped, AnalysisWorker} from '../node/analysis-worker.ts'
import {configuredOptions} from '../core/config/load.ts'
import {loadConfigSync} from '../node/config.ts'
import {loadSidecarFile} from '../node/sidecar-file.ts'
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
 * Check files on `jobs` threads: with one, in the main thread; with more (or
 * with a time limit), in `jobs` analysis workers, the main thread reading
 * the files and their configurations and handing them out.
 *
 * @param names
 *   File paths.
 * @param settings
 *   Settings.
 * @param jobs
 *   Threads.
 * @param workerScript
 *   The analysis worker's script (`dist/core-worker.cjs`, as the language
 *   server and the extension run it: `coreWorkerScript`).
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
  workerScript: string,
  keep: (outcome: CheckOutcome) => T = (outcome) => outcome as T
): Promise<T[]> {
  const run: Run = {settings, batch: createNewsmark({caches: false}), configs: new Map()}
  const outcomes: T[] = new Array(names.length)
  const timeout = settings.timeout
  // With a time limit, workers only: a worker can be stopped, the main
  // thread cannot.
  const workers = timeout === undefined && jobs <= 1 ? 0 : Math.min(jobs, names.length)
  let next = 0
  const take = () => (next < names.length ? next++ : undefined)
  // Workers that died before they were ready (a broken install, no memory
  // to load the models): past two, no worker is started again.
  let startFailures = 0

  /** A worker that takes files from the queue until it is empty. */
  const slot = async () => {
    // One analysis at a time, timed from when the worker is ready (it
    // loads the core and its models first); a new worker after a stop.
    const worker = new AnalysisWorker(workerScript, () => timeout)
    try {
      while (startFailures < 2) {
        try {
          await worker.ready()
        } catch {
          startFailures++
          continue
        }

        const index = take()
        if (index === undefined) return
        outcomes[index] = keep(await checkInWorker(worker, names[index]!, run))
      }
    } finally {
      worker.dispose()
    }
  }

  await Promise.all(Array.from({length: workers}, slot))
  // What no worker took: all of it with one thread, what is left when no
  // worker could start (with a time limit, an error each: never a loop).
  const left: number[] = []
  for (let index = take(); index !== undefined; index = take()) left.push(index)
  if (timeout !== undefined) {
    for (const index of left) outcomes[index] = keep({error: `newsmark: ${printable(names[index]!)}: unexpected error: no analysis thread could start\n`})
    return outcomes
  }

  // The next file is read while the one before is analysed (reading is
  // asynchronous; analysing is not).
  let read = left.length > 0 ? startRead(names[left[0]!]!, settings) : undefined
  for (const [position, index] of left.entries()) {
    const current = read!
    read = position + 1 < left.length ? startRead(names[left[position + 1]!]!, settings) : undefined
    outcomes[index] = keep(await checkFile(names[index]!, run, current))
  }

  return outcomes
}

/**
 * What the files of one check share: its settings; the main thread's
 * analyses, which keep only what is learnt of words from one article to the
 * next (articles share no text); and the options per folder (an article's
 * `.newsmarkrc` and fact base are found upwards from its folder, so a
 * folder of 10,000 articles reads and parses them once).
 */
interface Run {
  readonly settings: CheckSettings
  readonly batch: Newsmark
  readonly configs: Map<string, {options: Options} | {error: unknown}>
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
 * Check one file in a worker: read here, analysed there. A file whose
 * analysis takes the worker down is tried once more in a new one; twice,
 * it is an error (with a time limit) or analysed in the main thread.
 *
 * @param worker
 *   Worker.
 * @param name
 *   File path.
 * @param run
 *   The check's settings, analyses and options per folder.
 * @returns
 *   Its messages (plain data), or the line to report.
 */
async function checkInWorker(worker: AnalysisWorker, name: string, run: Run): Promise<CheckOutcome> {
  const {settings} = run
  let file: VFile
  let options: Options
  try {
    file = await readMarkdown(name, settings.maxSize)
    options = optionsFor(name, run)
  } catch (error) {
    return {error: errorLine(error, name)}
  }

  for (let attempt = 1; ; attempt++) {
    try {
      const analysed = await worker.analyze(file, options, {batch: true})
      // Inline directives read in the worker too (a Markdown parse: only a
      // worker can be stopped).
      analysed.messages.push(...(await readProblems(name, String(file.value), (text) => worker.directives(text))))
      return outcomeOf(analysed)
    } catch (error) {
      if (error instanceof AnalysisStopped) {
        return {error: `newsmark: ${printable(name)}: analysis ran past --timeout (${settings.timeout} s) and was stopped\n`}
      }

      if (!(error instanceof Error && error.name === 'AnalysisWorkerGone')) return {error: errorLine(error, name)}
      if (attempt === 1) continue
      if (settings.timeout === undefined) return checkFile(name, run)
      return {error: `newsmark: ${printable(name)}: unexpected error: the analysis stopped its thread twice\n`}
    }
  }
}

/**
 * What could not be read with an article, reported as the editor and the
 * language server report it (`reviewMessages`): its sidecar's problems
 * (`sidecar-invalid`) and its inline directives' (`directive-invalid`).
 *
 * @param name
 *   File path.
 * @param source
 *   Its text.
 * @param directives
 *   Reads the inline directives of a text (in the thread that analysed it).
 * @returns
 *   Messages (none for most articles: no sidecar, no directive).
 */
async function readProblems(name: string, source: string, directives: (text: string) => Directives | Promise<Directives>): Promise<VFileMessage[]> {
  let sidecarProblems: readonly string[]
  try {
    sidecarProblems = (await loadSidecarFile(name, source)).problems
  } catch (error) {
    // A device, a pipe, a file too large to be a sidecar: said, not fatal.
    sidecarProblems = [`it could not be read: ${error instanceof Error ? error.message : String(error)}`]
  }

  // Parsed again only when it may hold a directive (the analysis's tree
  // stays in its thread).
  const directiveProblems = mayHaveDirectives(source) ? (await directives(source)).problems : []
  return reviewMessages(source, {sidecarProblems, directiveProblems}, {sidecar: path.basename(sidecarName(name))})
}

/**
 * A file's outcome: its messages, as the report reads them.
 *
 * @param file
 *   Analysed file.
 * @returns
 *   Outcome.
 */
function outcomeOf(file: VFile): CheckOutcome {
  return {file: {path: file.path, messages: file.messages.map((message) => toMessageData(message, {compact: true}) as ReportMessage)}}
}

/**
 * Check one file: read it, load its configuration and analyse it.
 *
 * @param name
 *   File path.
 * @param run
 *   The check's settings, analyses and options per folder.
 * @param read
 *   The file's read, when already started.
 * @returns
 *   Its messages (plain data), or the line to report.
 */
async function checkFile(name: string, run: Run, read: Promise<VFile> = readMarkdown(name, run.settings.maxSize)): Promise<CheckOutcome> {
  try {
    const file = run.batch.analyzeSync(await read, optionsFor(name, run))
    file.messages.push(...(await readProblems(name, String(file.value), (text) => readDirectives(createProcessor().parse(text), text))))
    return outcomeOf(file)
  } catch (error) {
    return {error: errorLine(error, name)}
  }
}

/**
 * The options of one article: the command line's, its `.newsmarkrc`
 * severities and its fact base.
 *
 * @param name
 *   File path.
 * @param run
 *   The check's settings, analyses and options per folder.
 * @returns
 *   Options.
 * @throws
 *   The configuration's error.
 */
function optionsFor(name: string, {settings, configs}: Run): Options {
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

