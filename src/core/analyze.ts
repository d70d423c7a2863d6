/**
 * `analyze`: the whole Newsmark pipeline on a Markdown string or file, with
 * one frozen processor per configuration.
 */
import {gfmFootnoteFromMarkdown} from 'mdast-util-gfm-footnote'
import {gfmStrikethroughFromMarkdown} from 'mdast-util-gfm-strikethrough'
import {gfmTaskListItemFromMarkdown} from 'mdast-util-gfm-task-list-item'
import {gfmFootnote} from 'micromark-extension-gfm-footnote'
import {gfmStrikethrough} from 'micromark-extension-gfm-strikethrough'
import {gfmTaskListItem} from 'micromark-extension-gfm-task-list-item'
import remarkDirective from 'remark-directive'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified, type Processor} from 'unified'
import {VFile, type Compatible} from 'vfile'
import {viewText} from './document.ts'
import {Lru} from './memo.ts'
export {clearAnalysisCache, setAnalysisCache} from './memo.ts'
import {normalizeOptions, type Options} from './options.ts'
import remarkNewsmark from './plugin.ts'
import {reparse, type Parsed} from './reparse.ts'
import {runRules} from './rules/index.ts'
import {tagDocument} from './tag.ts'

/**
 * Create the Newsmark processor: remark-parse, front matter (YAML), GFM,
 * directives and `remarkNewsmark`.
 *
 * @param options
 *   Plugin options.
 * @returns
 *   Frozen processor.
 */
export function createProcessor(options?: Readonly<Options> | null) {
  return pipeline(remarkGfm, options)
}

/**
 * The same processor for a document that cannot hold a GFM table (no `|`,
 * `:-` nor `-:`) nor a literal autolink (no `@`, `www.` or `://`): GFM without those two
 * constructs, which are the costly ones (a table start is tried on every
 * line, an e-mail autolink on every word: together they made parsing twice
 * as slow as a bare remark parse). On such a document the tree is the same
 * (`test/core/parse.test.ts`).
 *
 * @param options
 *   Plugin options.
 * @returns
 *   Frozen processor.
 */
export function createPlainProcessor(options?: Readonly<Options> | null): ReturnType<typeof createProcessor> {
  return pipeline(remarkGfmPlain as typeof remarkGfm, options)
}

/**
 * The Newsmark pipeline with a given GFM plugin.
 *
 * @param gfm
 *   `remark-gfm`, or the plain variant.
 * @param options
 *   Plugin options.
 * @returns
 *   Frozen processor.
 */
function pipeline(gfm: typeof remarkGfm, options?: Readonly<Options> | null) {
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(gfm)
    .use(remarkDirective)
    .use(remarkNewsmark, options)
    .freeze()
}

/** GFM footnotes, strikethrough and task list items: `remark-gfm` less tables and literal autolinks. */
function remarkGfmPlain(this: Processor) {
  const data = this.data()
  const micromarkExtensions = (data.micromarkExtensions ??= [])
  const fromMarkdownExtensions = (data.fromMarkdownExtensions ??= [])
  // In the order `remark-gfm` adds them.
  micromarkExtensions.push(gfmFootnote(), gfmStrikethrough(), gfmTaskListItem())
  fromMarkdownExtensions.push(gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTaskListItemFromMarkdown())
}

/**
 * Whether a document may hold a GFM table or literal autolink (the
 * characters they cannot do without).
 *
 * @param value
 *   Markdown source.
 * @returns
 *   Whether the full GFM parser is needed.
 */
export function needsFullGfm(value: string): boolean {
  // A table needs a `|`, or a delimiter row with a colon (`a\n:-` is a
  // table of one column in micromark).
  return value.includes('|') || value.includes('@') || /www\.|:\/\/|:-|-:/i.test(value)
}

const processors = new Map<string, ReturnType<typeof createProcessor>>()

// The last tree of each file (by path and parser), for `reparse` after an
// edit: a few documents (the editor's open ones), dropped with the caches or
// by `forgetDocument`.
const lastParsed = new Lru<string, Parsed>(4)

/**
 * Forget what is kept of a document for its next analysis (its last tree,
 * under every parser and options): the editor calls it when the document
 * closes, so that only open documents are kept. Its next analysis, if any,
 * parses it whole.
 *
 * @param path
 *   The path the document was analysed with (`file.path`).
 */
export function forgetDocument(path: string): void {
  const prefix = path + '\u0000'
  lastParsed.deleteWhere((key) => key.startsWith(prefix))
}

/**
 * Parse and tag a document.
 *
 * @param value
 *   Markdown source, or a vfile (compatible) value.
 * @param options
 *   Plugin options.
 * @returns
 *   The file, with `file.data.newsmark` and `file.messages`.
 */
export async function analyze(
  value: Compatible,
  options?: Readonly<Options> | null
): Promise<VFile> {
  const file = value instanceof VFile ? value : new VFile(value)
  return analyzeSync(file, options)
}

/**
 * Synchronous `analyze` (the pipeline has no async step).
 *
 * @param value
 *   Markdown source or vfile.
 * @param options
 *   Plugin options.
 * @returns
 *   The file.
 */
export function analyzeSync(
  value: Compatible,
  options?: Readonly<Options> | null
): VFile {
  const file = value instanceof VFile ? value : new VFile(value)
  const full = typeof file.value !== 'string' || needsFullGfm(file.value)
  const key = (full ? 'full:' : 'plain:') + JSON.stringify(options ?? {})
  let processor = processors.get(key)
  if (!processor) {
    // A few configurations at a time (one per reference date, say).
    if (processors.size > 15) processors.clear()
    processor = full ? createProcessor(options) : createPlainProcessor(options)
    processors.set(key, processor)
  }

  const source = String(file)
  // The previous version of the same file, parsed by the same parser.
  const key2 = (file.path ?? '') + '\u0000' + key
  const tree = reparse((value) => processor.parse(value), lastParsed.peek(key2), source)
  lastParsed.set(key2, {source, tree})
  processor.runSync(tree, file)
  return file
}

/**
 * Tag plain text (not Markdown): the text is read as it is, blocks split at
 * blank lines. For text that Markdown would mangle (the gold data of the
 * evaluation sets: CoNLL tokens, TempEval’s LaTeX quotes).
 *
 * @param value
 *   Plain text or vfile.
 * @param options
 *   Plugin options.
 * @returns
 *   The file, with `file.data.newsmark` and `file.messages`.
 */
export function analyzeText(
  value: Compatible,
  options?: Readonly<Options> | null
): VFile {
  const file = value instanceof VFile ? value : new VFile(value)
  const settings = normalizeOptions(options)
  const document = viewText(String(file))
  file.data.newsmark = tagDocument(document, settings.referenceDate, settings)
  runRules(file, file.data.newsmark, settings.rules, {document})
  return file
}
