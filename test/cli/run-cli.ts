/**
 * Run `newsmark` in this process (`main` with captured output) or as the
 * built binary (`dist/cli.mjs`, a process of its own).
 *
 * In this process the models load once per test file, not once per command:
 * most tests run the CLI that way; a few per file run the binary, so that
 * what users run is tested too. (In this process, `check` with threads
 * runs the built worker, `dist/core-worker.cjs`: `npm test` builds it
 * first.)
 */
import {spawnSync} from 'node:child_process'
import path from 'node:path'
import {main} from '../../src/cli/main.ts'

/** What a command did. */
export interface Ran {
  code: number | null
  stdout: string
  stderr: string
}

/** The built binary. */
export const cli = path.resolve('dist/cli.mjs')

/**
 * Run a command in this process.
 *
 * @param args
 *   Arguments.
 * @param options
 *   `cwd`: the working folder during the command (default: this one).
 * @returns
 *   Exit code and output.
 */
export async function runCli(args: ReadonlyArray<string>, options: {cwd?: string} = {}): Promise<Ran> {
  let stdout = ''
  let stderr = ''
  const here = process.cwd()
  if (options.cwd) process.chdir(options.cwd)
  try {
    const code = await main([...args], {
      out(text) {
        stdout += text
      },
      err(text) {
        stderr += text
      },
      // As when stderr is a pipe, whatever the terminal running the test.
      color: false
    })
    return {code, stdout, stderr}
  } finally {
    process.chdir(here)
  }
}

/**
 * Run a command with the built binary.
 *
 * @param args
 *   Arguments.
 * @param options
 *   `cwd`: its working folder.
 * @returns
 *   Exit code and output.
 */
export function spawnCli(args: ReadonlyArray<string>, options: {cwd?: string} = {}): Ran {
  const result = spawnSync(process.execPath, [cli, ...args], {encoding: 'utf8', cwd: options.cwd, maxBuffer: 1 << 26})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}
