/**
 * What the extension host and the analysis worker (`core-worker.ts`) say
 * to each other: plain data, as `postMessage` clones it; and the error of
 * an analysis stopped past its time. Nothing of Node: the browser's entry
 * (`web.ts`) loads it too.
 */
import type {DirectiveProblem} from './annotations/inline.ts'
import type {Annotation} from './annotations/types.ts'
import type {Options} from './options.ts'
import type {NewsmarkResult} from './types.ts'
import type {MessageData} from './message-data.ts'

/** The inline annotations of a text, and what is wrong with the others. */
export interface Directives {
  annotations: Annotation[]
  problems: DirectiveProblem[]
}

/** A request to the worker. */
export type WorkerRequest =
  | {type: 'analyze'; id: number; path?: string; value: string; options: Options; batch?: boolean}
  /** Read the inline annotations (`:claim[…]` directives) of a text. */
  | {type: 'directives'; id: number; value: string}
  /** Drop what the core keeps of a document (it closed). No answer. */
  | {type: 'forget'; path: string}

/** What the worker says: it is ready (it loaded the core), or the answer to a request. */
export type WorkerAnswer =
  | {ready: true}
  | {id: number; result: NewsmarkResult; messages: MessageData[]}
  | {id: number; directives: Directives}
  | {id: number; error: {name: string; message: string; stack?: string | undefined}}

/** An analysis stopped because it ran past its time. */
export class AnalysisStopped extends Error {
  /**
   * @param seconds
   *   The time it had.
   */
  constructor(readonly seconds: number) {
    super(`the analysis ran past newsmark.analysis.timeout (${seconds} s) and was stopped`)
    this.name = 'AnalysisStopped'
  }
}
