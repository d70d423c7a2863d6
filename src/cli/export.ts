/**
 * `newsmark export FILE... --to FORMAT [-o OUT] [--force]`: export the tags
 * and annotations of articles as notes, JSON, W3C Web Annotations,
 * schema.org ClaimReview or CSV.
 *
 * Each article’s sidecar (`FILE.newsmark.json`) and inline directives are
 * read and re-anchored; orphans and problems in inline directives are
 * reported on stderr and still exported where the format allows. Rejections
 * with `scope: 'workspace'` apply to every FILE exported together. A broken
 * sidecar, an unreadable article or an existing OUT without `--force` stop
 * the export (exit 2) before anything is written. With `--force`, a regular
 * OUT is replaced atomically (through a symbolic link, which stays; its
 * mode, owner and hard links are kept); a device or named pipe is written
 * to, not replaced. An OUT that is one of the articles exported or one of
 * their sidecars (by device and inode: under another name, or through a
 * link) or that is read-only is refused, `--force` or not.
 */
import fs from 'node:fs'
import path from 'node:path'
import type {VFile} from 'vfile'
import {analyzeSync, createProcessor} from '../core/analyze.ts'
import {readDirectives} from '../core/annotations/inline.ts'
import {reanchor} from '../core/annotations/anchor.ts'
import {SidecarError, sidecarName} from '../core/annotations/sidecar.ts'
import type {RejectAnnotation} from '../core/annotations/types.ts'
import {articleMeta, exportArticles, exportFormats, type ArticleExport, type ExportFormat} from '../core/export/index.ts'
import type {Options} from '../core/options.ts'
import {writeFileAtomic, WriteError} from '../node/atomic-write.ts'
import {loadSidecarFile} from '../node/sidecar-file.ts'
import {InputError, readMarkdown} from './read.ts'

/** Options of `runExport`, from the command line. */
export interface ExportOptions {
  /** `--to`: the format. */
  to?: string | undefined
  /** `-o`, `--output`: the output file (default: stdout). */
  output?: string | undefined
  /** `--force`: overwrite the output file. */
  force?: boolean | undefined
  /** Largest article size, in bytes. */
  maxSize: number
  /** Options of the analyzer (`--reference-date`). */
  analyzeOptions: Readonly<Options>
}

/**
 * Run `newsmark export`.
 *
 * @param files
 *   Article paths.
 * @param options
 *   Options.
 * @returns
 *   Exit code: 0 done, 2 bad input or usage.
 */
export async function runExport(files: ReadonlyArray<string>, options: Readonly<ExportOptions>): Promise<number> {
  const formats = Object.keys(exportFormats).join('|')
  if (options.to === undefined) return fail(`export: expected --to ${formats}`)
  if (!Object.hasOwn(exportFormats, options.to)) return fail(`--to: expected ${formats}, not \`${options.to}\``)
  if (files.length === 0) return fail('export: expected at least one FILE')
  const output = options.output
  let stat: fs.Stats | undefined
  if (output !== undefined) {
    if (output === '') return fail('--output: expected a file name')
    try {
      stat = fs.statSync(output, {throwIfNoEntry: false})
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      return fail(`${output}: ${code === 'ENOTDIR' ? 'part of its path is a file, not a folder' : `cannot write there (${code ?? String(error)})`}`)
    }

    if (stat?.isDirectory()) return fail(`${output}: is a folder, expected a file to write the export to`)
    if (stat && !options.force) return fail(`${output}: already exists; not overwriting it (use --force to replace it)`)
    const source = stat?.isFile() ? inputAt(stat, files) : undefined
    if (source) {
      return fail(
        `${output}: is ${source.sidecar ? 'the annotation sidecar of ' : ''}${source.name}, an input of this export; not overwriting it, expected another file to write the export to`
      )
    }

    if (stat?.isFile() && (stat.mode & 0o222) === 0) {
      return fail(`${output}: is read-only; not replacing it (make it writable first, or write elsewhere)`)
    }
    if (!fs.existsSync(path.dirname(path.resolve(output)))) return fail(`${output}: its folder does not exist`)
  }

  const articles: ArticleExport[] = []
  let failed = false
  for (const name of files) {
    try {
      articles.push(await loadArticle(name, output, options.analyzeOptions, options.maxSize))
    } catch (error) {
      failed = true
      if (error instanceof InputError || error instanceof SidecarError) {
        process.stderr.write(`newsmark: ${error.message}\n`)
      } else {
        process.stderr.write(`newsmark: ${name}: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`)
      }
    }
  }

  if (failed) return fail('export: nothing written, fix the errors above first')
  // Rejections made for the whole workspace apply to every article exported together.
  const workspaceRejects = articles.flatMap((article) =>
    article.annotations.filter((item): item is RejectAnnotation => item.kind === 'reject' && item.scope === 'workspace')
  )
  const text = exportArticles(
    options.to as ExportFormat,
    articles.map((article) => ({...article, meta: {...article.meta, workspaceRejects}}))
  )
  if (output === undefined) {
    process.stdout.write(text)
    return 0
  }

  try {
    // A device or named pipe (`/dev/stdout`) is written to, never replaced;
    // a symbolic link is followed, so the link stays and its target changes
    // (and its mode, owner and hard links are kept: `writeFileAtomic`).
    if (stat && !stat.isFile()) await fs.promises.writeFile(output, text)
    else await writeFileAtomic(output, text)
  } catch (error) {
    if (error instanceof WriteError) return fail(`${output}: ${error.message}`)
    return fail(`${output}: cannot write (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }

  process.stderr.write(`newsmark: wrote ${output}\n`)
  return 0
}

async function loadArticle(
  name: string,
  output: string | undefined,
  analyzeOptions: Readonly<Options>,
  maxSize: number
): Promise<ArticleExport> {
  const file: VFile = await readMarkdown(name, maxSize)
  const source = String(file.value)
  const result = analyzeSync(file, analyzeOptions).data.newsmark ?? {entities: [], dates: [], claims: []}
  const sidecar = await loadSidecarFile(name, source)
  if (sidecar.problems.length > 0) throw new SidecarError(sidecar.path, sidecar.problems)

  const inline = readDirectives(createProcessor().parse(source), source)
  for (const problem of inline.problems) process.stderr.write(`newsmark: ${name}:${problem}\n`)
  const {anchored, orphans} = reanchor(source, sidecar.annotations)
  const fuzzy = anchored.filter((item) => item.method === 'fuzzy')
  for (const item of fuzzy) {
    process.stderr.write(
      `newsmark: ${name}: annotation ${item.annotation.id} re-anchored to changed text “${item.annotation.target.exact}” (was “${item.previous}”)\n`
    )
  }

  for (const orphan of orphans) {
    process.stderr.write(`newsmark: ${name}: orphaned annotation ${orphan.annotation.id} (${orphan.annotation.kind}): ${orphan.reason}\n`)
  }

  const link = path.relative(output === undefined ? process.cwd() : path.dirname(path.resolve(output)), path.resolve(name))
  const meta = articleMeta(source, link.split(path.sep).join('/'))
  return {
    source,
    result,
    annotations: [...anchored.map((item) => item.annotation), ...inline.annotations],
    meta: {...meta, orphans}
  }
}

/**
 * The input (an article, or its sidecar) that a file is, by device and
 * inode: the same file under another name, through a symbolic or a hard
 * link, is found too.
 *
 * @param stat
 *   The output file's `stat` (links followed).
 * @param files
 *   Article paths.
 * @returns
 *   The article it is (or whose sidecar it is), if any.
 */
function inputAt(stat: fs.Stats, files: ReadonlyArray<string>): {name: string; sidecar: boolean} | undefined {
  for (const name of files) {
    for (const [file, sidecar] of [[name, false], [sidecarName(name), true]] as const) {
      let other: fs.Stats | undefined
      try {
        other = fs.statSync(file, {throwIfNoEntry: false})
      } catch {
        // Unreadable: reading the article reports it.
        continue
      }

      if (other && other.dev === stat.dev && other.ino === stat.ino) return {name, sidecar}
    }
  }

  return undefined
}

function fail(reason: string): number {
  process.stderr.write(`newsmark: ${reason}\n`)
  return 2
}
