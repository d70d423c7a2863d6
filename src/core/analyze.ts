/**
 * `analyze`: the whole Newsmark pipeline on a Markdown string or file, with
 * one frozen processor per configuration.
 */
import remarkFrontmatter from 'remark-frontmatter'
import type remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile, type Compatible} from 'vfile'
import {viewText} from './document.ts'
import {forgetCacheOwner, Lru} from './memo.ts'
export {clearAnalysisCache, setAnalysisCache} from './memo.ts'
export {needsFullGfm, syntaxOf, type Syntax} from './parse.ts'
import {normalizeOptions, type Options} from './options.ts'
import remarkNewsmark from './plugin.ts'
import {everySyntax, syntaxOf, syntaxPlugin, type Syntax} from './parse.ts'
import {parseInChunks, reparse, type Parsed} from './reparse.ts'
import {forgetSentences} from './rules/context.ts'
import {runRules} from './rules/index.ts'
import {forgetMemory, tagDocument} from './tag.ts'

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
  return pipeline(syntaxPlugin(everySyntax), options)
}

/**
 * The Newsmark pipeline with a given syntax plugin.
 *
 * @param syntax
 *   `remark-gfm` and Newsmark's directives, or the part of them a document needs.
 * @param options
 *   Plugin options.
 * @returns
 *   Frozen processor.
 */
function pipeline(syntax: typeof remarkGfm, options?: Readonly<Options> | null) {
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(syntax)
    .use(remarkNewsmark, options)
    .freeze()
}

/**
 * The processor for the constructs a document may hold (`syntaxOf`): the
 * same tree as `createProcessor()` gives, sooner.
 *
 * @param syntax
 *   Constructs, from `syntaxOf`.
 * @param options
 *   Plugin options.
 * @returns
 *   Frozen processor.
 */
export function createSyntaxProcessor(
  syntax: Readonly<Syntax>,
  options?: Readonly<Options> | null
): ReturnType<typeof createProcessor> {
  return pipeline(syntaxPlugin(syntax), options)
}

const processors = new Map<string, ReturnType<typeof createProcessor>>()

// The last tree of each file (by path and parser), for `reparse` after an
// edit: a few documents (the editor's open ones), dropped with the caches or
// by `forgetDocument`.
const lastParsed = new Lru<string, Parsed>(4)

/**
 * Forget what is kept of a document for its next analysis (its last tree,
 * under every parser and options, its tags, and what the caches keep of its
 * text alone): the editor calls it when the document closes, so that only
 * open documents are kept. Its next analysis, if any, parses it whole.
 *
 * @param path
 *   The path the document was analysed with (`file.path`).
 */
export function forgetDocument(path: string): void {
  const prefix = path + '\u0000'
  lastParsed.deleteWhere((key) => key.startsWith(prefix))
  forgetMemory(path)
  forgetSentences(path)
  forgetCacheOwner(path)
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
  const syntax = typeof file.value === 'string' ? syntaxOf(file.value) : everySyntax
  const key = JSON.stringify(syntax) + JSON.stringify(options ?? {})
  let processor = processors.get(key)
  if (!processor) {
    // A few configurations at a time (one per reference date, say) and the
    // syntaxes of the documents seen.
    if (processors.size > 63) processors.clear()
    processor = createSyntaxProcessor(syntax, options)
    processors.set(key, processor)
  }

  const source = String(file)
  // The previous version of the same file, parsed by the same parser.
  const key2 = (file.path ?? '') + '\u0000' + key
  // A whole parse (no previous tree, or one `reparse` cannot use) goes a
  // slice at a time.
  const parse = (value: string) => processor.parse(value)
  // The last tree is this call's to change (moving the blocks after an
  // edit in place): taken out first, so that a throw leaves none behind.
  const previous = lastParsed.peek(key2)
  lastParsed.delete(key2)
  const tree = reparse((value) => parseInChunks(parse, value), previous, source, true)
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
