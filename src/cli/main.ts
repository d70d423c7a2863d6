/**
 * The `newsmark` command as a function: tag articles, check folders of
 * articles, export, import, and run the tagger over gold data. `cli.ts` is
 * the binary that runs it on the process's arguments and streams.
 */
import fs from 'node:fs'
import {parseArgs} from 'node:util'
import {createNewsmark} from '../core/analyze.ts'
import {configuredOptions} from '../core/config/load.ts'
import {coreWorkerScript} from '../node/analysis-worker.ts'
import {configuredLeaveOut} from '../node/article-files.ts'
import {loadConfigSync} from '../node/config.ts'
import {normalizeOptions, type Options} from '../core/options.ts'
import {isPresetName, presetNames} from '../core/rules/presets.ts'
import {checkFiles, defaultJobs, errorLine} from './check.ts'
import {evaluate, type Task} from './eval.ts'
import {expandPaths} from './expand.ts'
import {runImport} from './import.ts'
import {runExport} from './export.ts'
import {processIo, type Io} from './io.ts'
import {toJson} from './json.ts'
import {defaultMaxSize, readMarkdown} from './read.ts'
import {reportEntry, reportState, writeReport, type ReportEntry} from './report.ts'
import {toText} from './text.ts'
import packageJson from '../../package.json' with {type: 'json'}

const usage = `Usage: newsmark <command> [options]

Commands:
  tag FILE...           tag entities, dates and claims; JSON to stdout
      --format json|text    output format (default: json)
  check PATH...         report findings for files, and for the Markdown files
                        (.md, .markdown) in folders and matching globs, less
                        a project's README, CHANGELOG and the like, and the
                        files a .newsmarkrc's files: include/exclude leaves out
      --exclude GLOB        leave out of folders and globs the files it
                            matches (relative to here; repeatable)
      --frail               exit 1 on warnings too
      --jobs N              threads to use (default: one per core, fewer
                            for small inputs); the report is the same
      --timeout SECONDS     stop a file's analysis after that long and report
                            it as an error (files are then analysed in
                            worker threads only; default: no limit)
  eval --task ner|timex|claims|attribution FILE.jsonl
                        predictions for gold JSONL (../shared/eval format)
  export FILE... --to notes|json|webannotation|claimreview|csv [-o OUT] [--force]
                        export tags with annotations (FILE.newsmark.json and
                        inline directives); refuses to overwrite OUT without --force,
                        and an input article, its sidecar or a read-only OUT always
                        (with --force too)
      --base-url URL        where articles without front matter \`url:\` are
                            published (their path is resolved against it)
      --review-url PATTERN  URL of a published fact check, \`{id}\` the verdict's
                            id (\`{article}\` its article's name)
      --publisher NAME      organisation publishing the fact checks (the
                            ClaimReviews' author); --publisher-url URL its site
      --split               claimreview: one ClaimReview per file in the folder
                            OUT, or per line of stdout
  import URL|FILE.html [--out FILE.md] [--force]
                        a news article from its web page (fetched: the only
                        command that uses the network) or a saved page, as
                        Markdown with front matter (title, date, author,
                        source, url, language); writes FILE.md (default: the
                        headline's slug .md here; - for stdout), never over
                        an existing file without --force
      --timeout SECONDS     give up the download after that long (default: 30)
                            proxies: HTTPS_PROXY, HTTP_PROXY, NO_PROXY

Options:
  --reference-date YYYY-MM-DD   resolve relative dates against this date
                                (front matter \`date:\` wins)
  --preset recommended|strict   which rules run (default: .newsmarkrc's
                                \`preset:\`, else recommended)
  --max-size MB                 skip larger files and pages (default: 10)
  -h, --help                    show this help
  -v, --version                 show the version

Exit codes: 0 ok, 1 findings of error severity (check), 2 bad input or usage
(a folder or glob without Markdown files too), 141 output closed early (| head).`

/**
 * Run the CLI.
 *
 * @param argv
 *   Arguments after the node binary and script.
 * @param io
 *   Where to write (default: the process's stdout and stderr). Relative
 *   paths are resolved against the process's working folder.
 * @returns
 *   Exit code.
 */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const fail = (reason: string, showUsage = false) => failed(io, reason, showUsage)
  const report = (error: unknown, name?: string) => io.err(errorLine(error, name))
  const print = (text: string, code: number) => {
    io.out(text + '\n')
    return code
  }

  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: {type: 'string', default: 'json'},
        'reference-date': {type: 'string'},
        preset: {type: 'string'},
        exclude: {type: 'string', multiple: true},
        'max-size': {type: 'string'},
        frail: {type: 'boolean', default: false},
        jobs: {type: 'string'},
        timeout: {type: 'string'},
        task: {type: 'string'},
        to: {type: 'string'},
        output: {type: 'string', short: 'o'},
        out: {type: 'string'},
        force: {type: 'boolean', default: false},
        'base-url': {type: 'string'},
        'review-url': {type: 'string'},
        publisher: {type: 'string'},
        'publisher-url': {type: 'string'},
        split: {type: 'boolean', default: false},
        help: {type: 'boolean', short: 'h', default: false},
        version: {type: 'boolean', short: 'v', default: false}
      }
    })
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error))
  }

  const {values, positionals} = parsed
  const [command, ...rest] = positionals
  if (values.help) return print(usage, 0)
  if (values.version) return print(version(), 0)
  if (!command) return fail('missing command', true)

  const maxSize = values['max-size'] === undefined ? defaultMaxSize : Number(values['max-size']) * 1048576
  if (!(maxSize > 0)) return fail(`--max-size: expected a number of MB, not \`${values['max-size']}\``)

  let options
  try {
    options = normalizeOptions({referenceDate: values['reference-date'] ?? null})
  } catch (error) {
    return fail((error as Error).message.replace('option `referenceDate`', '--reference-date'))
  }

  if (values.preset !== undefined && !isPresetName(values.preset)) {
    return fail(`--preset: expected ${presetNames.map((name) => '`' + name + '`').join(' or ')}, not \`${values.preset}\``)
  }

  const analyzeOptions: Options = {
    ...(options.referenceDate ? {referenceDate: options.referenceDate} : {}),
    ...(values.preset ? {preset: values.preset} : {})
  }
  // Each article’s `.newsmarkrc` and fact base (found upwards from it).
  const optionsFor = (name: string): Options => {
    const {settings} = loadConfigSync(name)
    return configuredOptions(analyzeOptions, settings)
  }

  switch (command) {
    case 'tag': {
      if (rest.length === 0) return fail('tag: expected at least one FILE', true)
      if (values.format !== 'json' && values.format !== 'text') {
        return fail(`--format: expected \`json\` or \`text\`, not \`${values.format}\``)
      }

      const results = []
      let code = 0
      // Files that share no text: only what is learnt of words is kept.
      const batch = createNewsmark({caches: false})
      for (const name of rest) {
        try {
          const file = batch.analyzeSync(await readMarkdown(name, maxSize), optionsFor(name))
          results.push(toJson(file))
        } catch (error) {
          code = 2
          report(error, name)
        }
      }

      if (values.format === 'text') {
        io.out(results.map((result) => toText(result)).join('\n'))
      } else if (results.length > 0) {
        const value = rest.length === 1 ? results[0] : results
        io.out(JSON.stringify(value, null, 2) + '\n')
      }

      return code
    }

    case 'check': {
      if (rest.length === 0) return fail('check: expected at least one PATH', true)
      const jobs = values.jobs === undefined ? undefined : Number(values.jobs)
      if (jobs !== undefined && !(Number.isInteger(jobs) && jobs > 0)) {
        return fail(`--jobs: expected a positive whole number, not \`${values.jobs}\``)
      }

      const timeout = values.timeout === undefined ? undefined : Number(values.timeout)
      if (timeout !== undefined && !(timeout > 0 && timeout <= 2_147_483)) {
        return fail(`--timeout: expected a number of seconds (more than 0), not \`${values.timeout}\``)
      }

      const {files: names, problems} = await expandPaths(rest, {exclude: values.exclude ?? [], leaveOut: configuredLeaveOut()})
      for (const problem of problems) io.err(`newsmark: ${problem}\n`)
      if (names.length === 0) return 2
      const settings = {maxSize, analyzeOptions, timeout}
      // What the report shows of each file, made as its outcome comes in.
      const state = reportState({color: io.color})
      const outcomes = await checkFiles(names, settings, jobs ?? defaultJobs(names.length, totalSize(names)), coreWorkerScript(import.meta.url) ?? 'core-worker.cjs', (outcome) =>
        'error' in outcome ? outcome : reportEntry(state, outcome.file)
      )
      const entries: ReportEntry[] = []
      let code = problems.length > 0 ? 2 : 0
      // Errors first, in the order of the files, then the report.
      for (const outcome of outcomes) {
        if ('error' in outcome) {
          code = 2
          io.err(outcome.error)
        } else {
          entries.push(outcome)
        }
      }

      if (entries.length > 0) {
        writeReport(entries, state, (chunk) => io.err(chunk))
        io.err('\n')
      }

      const fatal = entries.some((entry) => entry.fatal > 0)
      const warned = entries.some((entry) => entry.warn > 0)
      return code || (fatal || (values.frail && warned) ? 1 : 0)
    }

    case 'eval': {
      const task = values.task
      if (task !== 'ner' && task !== 'timex' && task !== 'claims' && task !== 'attribution') {
        return fail('eval: expected --task ner|timex|claims|attribution', true)
      }

      if (rest.length !== 1) return fail('eval: expected one FILE.jsonl', true)
      try {
        const lines: string[] = []
        await evaluate(task as Task, rest[0], (line) => lines.push(line))
        io.out(lines.join('\n') + '\n')
        return 0
      } catch (error) {
        report(error)
        return 2
      }
    }

    case 'import': {
      const timeout = values.timeout === undefined ? 30 : Number(values.timeout)
      if (!(timeout > 0 && timeout <= 2_147_483)) {
        return fail(`--timeout: expected a number of seconds (more than 0), not \`${values.timeout}\``)
      }
      if (values.out !== undefined && values.output !== undefined) return fail('import: give --out or -o, not both')
      return runImport(rest, {output: values.out ?? values.output, force: values.force, timeout, maxSize, io})
    }

    case 'export':
      return runExport(rest, {
        to: values.to,
        output: values.output,
        force: values.force,
        baseUrl: values['base-url'],
        reviewUrl: values['review-url'],
        publisher: values.publisher,
        publisherUrl: values['publisher-url'],
        split: values.split,
        maxSize,
        analyzeOptions,
        io
      })

    default:
      return fail(`unknown command \`${command}\``, true)
  }
}

/**
 * Total size of the files that exist (to choose the number of threads).
 *
 * @param names
 *   File paths.
 * @returns
 *   Bytes.
 */
function totalSize(names: ReadonlyArray<string>): number {
  let bytes = 0
  for (const name of names) {
    try {
      bytes += fs.statSync(name).size
    } catch {}
  }

  return bytes
}

function failed(io: Io, reason: string, showUsage: boolean): number {
  io.err(`newsmark: ${reason}\n${showUsage ? '\n' + usage + '\n' : ''}`)
  return 2
}

function version(): string {
  return 'newsmark ' + packageJson.version
}
