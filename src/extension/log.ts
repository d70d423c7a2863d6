/**
 * The “Newsmark” log output channel, plus at most one notification per cause.
 *
 * Runtime failures of the extension (not findings: those are diagnostics) are
 * written here; the reader is notified once per cause for the whole session,
 * never per keystroke or per document. `guard` wraps event handlers and
 * providers so that what they throw lands here too, instead of in the
 * extension host's own log.
 */
import * as vscode from 'vscode'

/** Causes of failures, each notified at most once per session. */
export type Cause = 'core' | 'analysis' | 'display' | 'provider'

const notifications: Record<Cause, string> = {
  core: 'Newsmark could not load its analyser, so no document is analysed.',
  analysis: 'Newsmark could not analyse a document; the other documents are not affected.',
  display: 'Newsmark could not show the results of an analysis.',
  provider: 'A Newsmark feature (hover, outline or references) failed.'
}

/** Where the extension reports its own failures. */
export interface Log extends vscode.Disposable {
  /**
   * Write an informational line.
   * @param message
   *   What happened.
   */
  info(message: string): void
  /**
   * Write an error with its cause, and notify the reader once per `cause`.
   * @param cause
   *   Kind of failure (one notification each for the whole session).
   * @param message
   *   What failed.
   * @param error
   *   The original error, kept with its stack.
   */
  error(cause: Cause, message: string, error: unknown): void
  /** Reveal the channel. */
  show(): void
  /** Errors written and notifications shown so far (for tests). */
  readonly stats: {readonly errors: number; readonly notified: readonly Cause[]}
}

/**
 * Create the log channel.
 * @returns
 *   The log; dispose it on deactivation.
 */
export function createLog(): Log {
  const channel = vscode.window.createOutputChannel('Newsmark', {log: true})
  const notified: Cause[] = []
  let errors = 0
  return {
    info(message) {
      channel.info(message)
    },
    error(cause, message, error) {
      errors++
      channel.error(message, error instanceof Error ? error : new Error(String(error)))
      if (notified.includes(cause)) return
      notified.push(cause)
      void vscode.window.showErrorMessage(`${notifications[cause]} See the log for details.`, 'Show Log').then((choice) => {
        if (choice) channel.show(true)
      })
    },
    show() {
      channel.show(true)
    },
    get stats() {
      return {errors, notified: [...notified]}
    },
    dispose() {
      channel.dispose()
    }
  }
}

/**
 * Wrap a function so that what it throws (or rejects with) goes to the log
 * instead of escaping into VS Code; it then returns `undefined`.
 * @param log
 *   The log.
 * @param cause
 *   Kind of failure, for the notification.
 * @param what
 *   What the function does, for the log line.
 * @param fn
 *   The function.
 * @returns
 *   The guarded function.
 */
export function guard<A extends unknown[], R>(log: Log, cause: Cause, what: string, fn: (...args: A) => R): (...args: A) => R | undefined {
  return (...args) => {
    try {
      const value = fn(...args)
      if (value instanceof Promise) {
        return value.catch((error: unknown) => {
          log.error(cause, `Could not ${what}`, error)
          return undefined
        }) as R
      }
      return value
    } catch (error) {
      log.error(cause, `Could not ${what}`, error)
      return undefined
    }
  }
}
