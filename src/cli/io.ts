/**
 * Where a command writes: its output (stdout) and its report, warnings and
 * errors (stderr). The `newsmark` binary writes to the process's streams;
 * tests and other hosts pass their own.
 */
export interface Io {
  /** Write to the output. */
  out(text: string): void
  /** Write to the report. */
  err(text: string): void
  /** Whether the report is in colour (default: when stderr supports it). */
  color?: boolean | undefined
}

/** The process's stdout and stderr. */
export const processIo: Io = {
  out(text) {
    process.stdout.write(text)
  },
  err(text) {
    process.stderr.write(text)
  }
}
