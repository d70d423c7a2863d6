/**
 * Write errors on the CLI's stdout and stderr. When the reader closes the
 * pipe early (`newsmark tag big.md | head -1`), the command stops quietly,
 * as `cat` or `git log` do, instead of dying with an `EPIPE` stack trace;
 * any other write error (a full disk behind `>`) is one line.
 *
 * The check workers write nothing themselves: their results go back to the
 * main thread as messages, and only the main thread writes.
 */

/**
 * Exit code when the reader closed the output: what a shell reports for a
 * tool stopped by `SIGPIPE` (128 + 13), as `git log | head -1` under
 * `set -o pipefail`.
 */
export const closedOutputCode = 141

/**
 * Exit on the first write error of `process.stdout` or `process.stderr`,
 * without a stack trace (call once, on the main thread).
 */
export function exitOnOutputError(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(closedOutputCode)
      // Stderr may still take the reason when stdout failed.
      if (stream === process.stdout) {
        process.stderr.write(`newsmark: cannot write the output (${error.code ?? error.message})\n`)
      }

      process.exit(2)
    })
  }
}
