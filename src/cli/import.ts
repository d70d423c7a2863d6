/**
 * `newsmark import URL|FILE.html [--out FILE.md] [--force]`: a news article
 * from its web page (fetched) or a saved page (read), as Markdown with
 * front matter (`src/core/import/`).
 *
 * The network is used only here, only for the address given (and its
 * redirects), through `HTTPS_PROXY`/`HTTP_PROXY` unless `NO_PROXY` says
 * otherwise. The output is `--out`, or `<slug of the headline>.md` in the
 * current folder; `--out -` is stdout. An existing file is replaced only
 * with `--force` (atomically, keeping its mode and links). Warnings (a date
 * guessed from the address, no date) go to stderr; failures are one line
 * and exit code 2.
 */
import fs from 'node:fs'
import path from 'node:path'
import {ImportError, importArticle, type ImportedArticle} from '../core/import/index.ts'
import {writeFileAtomic, WriteError} from '../node/atomic-write.ts'
import {fetchPage, readPageFile} from '../node/fetch-page.ts'
import {proxiedFetch, proxyFromEnv} from '../node/proxy.ts'
import {processIo, type Io} from './io.ts'

/** Options of `runImport`, from the command line. */
export interface ImportCommandOptions {
  /** `--out`, `-o`: where to write (`-`: stdout; default: from the headline). */
  output?: string | undefined
  /** `--force`: replace an existing file. */
  force?: boolean | undefined
  /** `--timeout`: seconds for the download (default: 30). */
  timeout?: number | undefined
  /** Largest page, in bytes. */
  maxSize: number
  /** Environment (proxy variables; default: `process.env`). */
  env?: Readonly<Record<string, string | undefined>> | undefined
  /** Where to write (default: the process's stdout and stderr). */
  io?: Io | undefined
}

/**
 * Run `newsmark import`.
 *
 * @param inputs
 *   The address or file (exactly one).
 * @param options
 *   Options.
 * @returns
 *   Exit code: 0 written, 2 failed (nothing written).
 */
export async function runImport(inputs: ReadonlyArray<string>, options: Readonly<ImportCommandOptions>): Promise<number> {
  const io = options.io ?? processIo
  if (inputs.length !== 1) return fail(io, 'import: expected one URL or FILE.html')
  const input = inputs[0]!
  const output = options.output
  if (output === '') return fail(io, '--out: expected a file name (or - for stdout)')
  if (output !== undefined && output !== '-') {
    const problem = outputProblem(output, options.force ?? false)
    if (problem) return fail(io, problem)
  }

  let article: ImportedArticle
  try {
    if (isAddress(input)) {
      if (/^file:/i.test(input)) return fail(io, `${input}: give the file's path, not a file: URL`)
      const settings = proxyFromEnv(options.env ?? process.env)
      const proxied = settings.httpProxy || settings.httpsProxy ? proxiedFetch(settings) : undefined
      try {
        const page = await fetchPage(input, {timeout: (options.timeout ?? 30) * 1000, maxBytes: options.maxSize, fetch: proxied?.fetch})
        for (const from of page.redirects) io.err(`newsmark: ${from} redirected\n`)
        article = importArticle(page.html, {url: page.url, retrieved: today()})
      } finally {
        await proxied?.close()
      }
    } else {
      const html = await readPageFile(input, options.maxSize)
      article = importArticle(html, {retrieved: today()})
    }
  } catch (error) {
    if (error instanceof ImportError) return fail(io, error.message.startsWith(input) ? error.message : `${input}: ${error.message}`)
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return fail(io, `${input}: no such file`)
    if (code) return fail(io, `${input}: cannot read (${code})`)
    return fail(io, `${input}: unexpected error: ${error instanceof Error ? error.message : String(error)}`)
  }

  for (const warning of article.warnings) io.err(`newsmark: warning: ${warning}\n`)
  if (output === '-') {
    io.out(article.markdown)
    return 0
  }

  const target = output ?? article.slug + '.md'
  if (output === undefined) {
    const problem = outputProblem(target, options.force ?? false)
    if (problem) return fail(io, problem)
  }

  try {
    if (options.force) await writeFileAtomic(target, article.markdown)
    // Created, never replaced: another program may have made it since the check.
    else await fs.promises.writeFile(target, article.markdown, {flag: 'wx'})
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') return fail(io, `${target}: already exists; not overwriting it (use --force to replace it)`)
    if (error instanceof WriteError) return fail(io, `${target}: ${error.message}`)
    return fail(io, `${target}: cannot write (${code ?? String(error)})`)
  }

  io.err(`newsmark: wrote ${target} (${article.words} words)\n`)
  return 0
}

/**
 * Whether the input is an address rather than a file: a scheme (`https:`)
 * that is not a Windows drive letter (`C:\`).
 *
 * @param input
 *   The argument.
 * @returns
 *   `true` for an address.
 */
export function isAddress(input: string): boolean {
  return /^[a-z][a-z\d+.-]+:/i.test(input) && !fs.existsSync(input)
}

/** Why the output cannot be written, if it cannot. */
function outputProblem(output: string, force: boolean): string | undefined {
  let stat: fs.Stats | undefined
  try {
    stat = fs.statSync(output, {throwIfNoEntry: false})
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return `${output}: ${code === 'ENOTDIR' ? 'part of its path is a file, not a folder' : `cannot write there (${code ?? String(error)})`}`
  }
  if (stat?.isDirectory()) return `${output}: is a folder, expected a file to write the article to`
  if (stat && !force) return `${output}: already exists; not overwriting it (use --force to replace it)`
  if (stat && !stat.isFile()) return `${output}: is not a regular file`
  if (!fs.existsSync(path.dirname(path.resolve(output)))) return `${output}: its folder does not exist`
  return undefined
}

/** Today, in the local time zone, `YYYY-MM-DD`. */
function today(): string {
  const now = new Date()
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
}

function fail(io: Io, reason: string): number {
  io.err(`newsmark: ${reason}\n`)
  return 2
}
