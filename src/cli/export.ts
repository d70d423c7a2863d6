/**
 * `newsmark export FILE... --to FORMAT [-o OUT] [--force]`: export the tags
 * and annotations of articles as notes, JSON, W3C Web Annotations,
 * schema.org ClaimReview or CSV. `--base-url`, `--review-url`,
 * `--publisher` and `--publisher-url` say where things are published
 * (they win over each article’s `.newsmarkrc` `export:`); what an export
 * still lacks to be publishable is a warning on stderr. With `--split`,
 * each ClaimReview is a document of its own: a file in the folder OUT, or
 * a line of stdout (JSON Lines).
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
 * link) or that is read-only is refused, `--force` or not. File names are
 * printed with their control characters escaped (`printable`).
 */
import fs from 'node:fs'
import path from 'node:path'
import type {VFile} from 'vfile'
import {createProcessor} from '../core/analyze.ts'
import {readDirectives} from '../core/annotations/inline.ts'
import {reviewArticle} from '../core/annotations/review.ts'
import {SidecarError, sidecarName} from '../core/annotations/sidecar.ts'
import {isUrl} from '../core/annotations/w3c.ts'
import type {RejectAnnotation} from '../core/annotations/types.ts'
import {loadConfigSync} from '../node/config.ts'
import {escapeJsonLd} from '../core/export/json-ld.ts'
import {articleMeta, claimReviews, exportArticles, exportFormats, exportWarnings, type ArticleExport, type ExportFormat} from '../core/export/index.ts'
import type {Options} from '../core/options.ts'
import {writeFileAtomic, WriteError} from '../node/atomic-write.ts'
import {BoundedReadError} from '../node/bounded-read.ts'
import {loadSidecarFile} from '../node/sidecar-file.ts'
import {printable} from './printable.ts'
import {InputError, readMarkdown} from './read.ts'
import {processIo, type Io} from './io.ts'

/** Options of `runExport`, from the command line. */
export interface ExportOptions {
  /** `--to`: the format. */
  to?: string | undefined
  /** `-o`, `--output`: the output file (default: stdout). */
  output?: string | undefined
  /** `--force`: overwrite the output file. */
  force?: boolean | undefined
  /** `--base-url`: URL the articles are published under. */
  baseUrl?: string | undefined
  /** `--review-url`: pattern of a published fact check’s URL, with `{id}`. */
  reviewUrl?: string | undefined
  /** `--publisher`: name of the organisation publishing the fact checks. */
  publisher?: string | undefined
  /** `--publisher-url`: its home page. */
  publisherUrl?: string | undefined
  /** `--split`: one ClaimReview per file (or line). */
  split?: boolean | undefined
  /** When the export is made (ISO 8601; default: now). */
  now?: string | undefined
  /** Largest article size, in bytes. */
  maxSize: number
  /** Options of the analyzer (`--reference-date`). */
  analyzeOptions: Readonly<Options>
  /** Where to write (default: the process's stdout and stderr). */
  io?: Io | undefined
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
  const io = options.io ?? processIo
  const formats = Object.keys(exportFormats).join('|')
  if (options.to === undefined) return fail(io, `export: expected --to ${formats}`)
  if (!Object.hasOwn(exportFormats, options.to)) return fail(io, `--to: expected ${formats}, not \`${options.to}\``)
  if (files.length === 0) return fail(io, 'export: expected at least one FILE')
  for (const [flag, value] of [
    ['--base-url', options.baseUrl],
    ['--publisher-url', options.publisherUrl]
  ] as const) {
    if (value !== undefined && !isUrl(value)) return fail(io, `${flag}: expected an http(s) URL, not \`${printable(value)}\``)
  }

  if (options.reviewUrl !== undefined && !options.reviewUrl.includes('{id}')) {
    return fail(io, `--review-url: expected a URL pattern with \`{id}\`, not \`${printable(options.reviewUrl)}\``)
  }

  if (options.publisher !== undefined && !options.publisher.trim()) return fail(io, '--publisher: expected the name of an organisation')
  if (options.publisherUrl !== undefined && options.publisher === undefined) return fail(io, '--publisher-url: expected --publisher too')
  if (options.split && options.to !== 'claimreview') return fail(io, '--split: expected --to claimreview')
  const output = options.output
  let stat: fs.Stats | undefined
  if (output !== undefined && options.split) {
    if (output === '') return fail(io, '--output: expected a folder name')
    if (!fs.statSync(output, {throwIfNoEntry: false})?.isDirectory()) return fail(io, `${printable(output)}: is not a folder, expected one to write a file per ClaimReview in (--split)`)
  } else if (output !== undefined) {
    if (output === '') return fail(io, '--output: expected a file name')
    try {
      stat = fs.statSync(output, {throwIfNoEntry: false})
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      return fail(io, `${printable(output)}: ${code === 'ENOTDIR' ? 'part of its path is a file, not a folder' : `cannot write there (${code ?? String(error)})`}`)
    }

    if (stat?.isDirectory()) return fail(io, `${printable(output)}: is a folder, expected a file to write the export to`)
    if (stat && !options.force) return fail(io, `${printable(output)}: already exists; not overwriting it (use --force to replace it)`)
    const source = stat?.isFile() ? inputAt(stat, files) : undefined
    if (source) {
      return fail(
        io,
        `${output}: is ${source.sidecar ? 'the annotation sidecar of ' : ''}${source.name}, an input of this export; not overwriting it, expected another file to write the export to`
      )
    }

    if (stat?.isFile() && (stat.mode & 0o222) === 0) {
      return fail(io, `${printable(output)}: is read-only; not replacing it (make it writable first, or write elsewhere)`)
    }
    if (!fs.existsSync(path.dirname(path.resolve(output)))) return fail(io, `${printable(output)}: its folder does not exist`)
  }

  const articles: ArticleExport[] = []
  let failed = false
  for (const name of files) {
    try {
      articles.push(await loadArticle(name, options.split ? undefined : output, options))
    } catch (error) {
      failed = true
      if (error instanceof InputError || error instanceof SidecarError) {
        io.err(`newsmark: ${error.message}\n`)
      } else {
        io.err(`newsmark: ${printable(name)}: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`)
      }
    }
  }

  if (failed) return fail(io, 'export: nothing written, fix the errors above first')
  // Rejections made for the whole workspace apply to every article exported together.
  const workspaceRejects = articles.flatMap((article) =>
    article.annotations.filter((item): item is RejectAnnotation => item.kind === 'reject' && item.scope === 'workspace')
  )
  const format = options.to as ExportFormat
  const all = articles.map((article) => ({...article, meta: {...article.meta, workspaceRejects}}))
  for (const warning of exportWarnings(format, all)) io.err(`newsmark: warning: ${printable(warning)}\n`)
  const exportOptions = options.now ? {now: options.now} : {}
  if (options.split) return writeSplit(io, all, output, Boolean(options.force), exportOptions)
  const text = exportArticles(format, all, exportOptions)
  if (output === undefined) {
    io.out(text)
    return 0
  }

  try {
    // A device or named pipe (`/dev/stdout`) is written to, never replaced;
    // a symbolic link is followed, so the link stays and its target changes
    // (and its mode, owner and hard links are kept: `writeFileAtomic`).
    if (stat && !stat.isFile()) await fs.promises.writeFile(output, text)
    else await writeFileAtomic(output, text)
  } catch (error) {
    if (error instanceof WriteError) return fail(io, `${printable(output)}: ${error.message}`)
    return fail(io, `${printable(output)}: cannot write (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }

  io.err(`newsmark: wrote ${printable(output)}\n`)
  return 0
}

/**
 * Write one ClaimReview per file in a folder (`<verdict id>.jsonld`), or
 * per line of stdout.
 *
 * @param io
 *   Where to write.
 * @param articles
 *   Articles.
 * @param folder
 *   Folder, or `undefined` for stdout.
 * @param force
 *   Replace existing files.
 * @param options
 *   Options of the export.
 * @returns
 *   Exit code.
 */
async function writeSplit(
  io: Io,
  articles: ReadonlyArray<ArticleExport>,
  folder: string | undefined,
  force: boolean,
  options: {now?: string}
): Promise<number> {
  const documents = claimReviews(articles, options)
  if (folder === undefined) {
    io.out(documents.map((document) => escapeJsonLd(JSON.stringify(JSON.parse(document.text))) + '\n').join(''))
    return 0
  }

  const targets = documents.map((document) => path.join(folder, document.key + '.jsonld'))
  const existing = targets.filter((target) => fs.existsSync(target))
  if (existing.length > 0 && !force) {
    return fail(io, `${printable(existing[0]!)}: already exists; not overwriting it (use --force to replace it)`)
  }

  for (const [index, document] of documents.entries()) {
    try {
      await writeFileAtomic(targets[index]!, document.text)
    } catch (error) {
      return fail(io, `${printable(targets[index]!)}: cannot write (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
    }
  }

  io.err(`newsmark: wrote ${documents.length} ClaimReview${documents.length === 1 ? '' : 's'} in ${printable(folder)}\n`)
  return 0
}

async function loadArticle(name: string, output: string | undefined, options: Readonly<ExportOptions>): Promise<ArticleExport> {
  const file: VFile = await readMarkdown(name, options.maxSize)
  const source = String(file.value)
  // One parse: the tags and the inline directives come from the same tree.
  const processor = createProcessor(options.analyzeOptions)
  const tree = processor.parse(file)
  processor.runSync(tree, file)
  const result = file.data.newsmark ?? {entities: [], dates: [], claims: []}
  const sidecar = await loadSidecarFile(name, source).catch((error: unknown) => {
    // A pipe, a device or a huge file where the sidecar should be: said plainly.
    throw error instanceof BoundedReadError ? new InputError(error.message) : error
  })
  if (sidecar.problems.length > 0) throw new SidecarError(sidecar.path, sidecar.problems)
  // Where things are published: the flags, else the article’s `.newsmarkrc`.
  const configured = loadConfigSync(name).export ?? {}
  const publisher = options.publisher
    ? {name: options.publisher.trim(), ...(options.publisherUrl ? {url: options.publisherUrl} : {})}
    : configured.publisher
  const baseUrl = options.baseUrl ?? configured.baseUrl
  const reviewUrl = options.reviewUrl ?? configured.reviewUrl

  const shown = printable(name)
  const io = options.io ?? processIo
  // The review stage, as the editor and the language server run it: the
  // sidecar re-anchored, the inline directives read; what could not be read
  // said as they say it.
  const review = reviewArticle(source, result, {sidecar, inline: readDirectives(tree, source)})
  for (const message of review.messages) io.err(`newsmark: ${shown}:${message.line ?? 1}:${message.column ?? 1}: ${message.reason}\n`)
  const {anchored, orphans} = review
  const fuzzy = anchored.filter((item) => item.method === 'fuzzy')
  for (const item of fuzzy) {
    io.err(
      `newsmark: ${shown}: annotation ${item.annotation.id} re-anchored to changed text “${item.annotation.target.exact}” (was “${item.previous}”)\n`
    )
  }

  for (const orphan of orphans) {
    io.err(`newsmark: ${shown}: orphaned annotation ${orphan.annotation.id} (${orphan.annotation.kind}): ${orphan.reason}\n`)
  }

  const link = path.relative(output === undefined ? process.cwd() : path.dirname(path.resolve(output)), path.resolve(name))
  const meta = articleMeta(source, link.split(path.sep).join('/'))
  return {
    source,
    result,
    annotations: anchored.map((item) => item.annotation),
    meta: {
      ...meta,
      path: path.relative(process.cwd(), path.resolve(name)).split(path.sep).join('/'),
      ...(baseUrl ? {baseUrl} : {}),
      ...(reviewUrl ? {reviewUrl} : {}),
      ...(publisher ? {publisher} : {}),
      orphans
    }
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

function fail(io: Io, reason: string): number {
  io.err(`newsmark: ${reason}\n`)
  return 2
}
