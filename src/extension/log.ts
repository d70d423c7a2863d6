/**
 * The “Newsmark” log output channel, plus at most one notification per cause.
 *
 * Runtime failures of the extension (not findings: those are diagnostics) are
 * written here; the reader is notified once per cause, never per keystroke.
 */
import * as vscode from 'vscode'

/** Where the extension reports its own failures. */
export interface Log extends vscode.Disposable {
  /**
   * Write an informational line.
   * @param message
   *   What happened.
   */
  info(message: string): void
  /**
   * Write an error with its cause.
   * @param message
   *   What failed.
   * @param error
   *   The original error, kept with its stack.
   */
  error(message: string, error: unknown): void
  /**
   * Show an error notification, once per `key` for the whole session.
   * @param key
   *   The cause (e.g. `analysis-failed`).
   * @param message
   *   Text of the notification.
   */
  notifyOnce(key: string, message: string): void
  /** Reveal the channel. */
  show(): void
}

/**
 * Create the log channel.
 * @returns
 *   The log; dispose it on deactivation.
 */
export function createLog(): Log {
  const channel = vscode.window.createOutputChannel('Newsmark', {log: true})
  const notified = new Set<string>()
  return {
    info(message) {
      channel.info(message)
    },
    error(message, error) {
      channel.error(message, error instanceof Error ? error : new Error(String(error)))
    },
    notifyOnce(key, message) {
      if (notified.has(key)) return
      notified.add(key)
      void vscode.window.showErrorMessage(message, 'Show Log').then((choice) => {
        if (choice) channel.show(true)
      })
    },
    show() {
      channel.show(true)
    },
    dispose() {
      channel.dispose()
    }
  }
}
