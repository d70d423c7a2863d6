/**
 * `analyze`: the whole Newsmark pipeline on a Markdown string or file;
 * `createNewsmark`: the same, remembering what an edit leaves alone.
 */
import remarkFrontmatter from 'remark-frontmatter'
import type remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile, type Compatible} from 'vfile'
import {viewText} from './document.ts'
import {Cache, Memory} from './incremental/memory.ts'
export {needsFullGfm, syntaxOf, type Syntax} from './parse.ts'
import {normalizeOptions, type Options} from './options.ts'
import remarkNewsmark from './plugin.ts'
import {everySyntax, syntaxOf, syntaxPlugin, type Syntax} from './parse.ts'
import {parseInChunks, reparse, type Parsed} from './reparse.ts'
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

/** A Newsmark instance: analyses that remember what they can reuse. */
export interface Newsmark {
  /**
   * Parse and tag a document; the next analysis of the same path after an
   * edit parses and tags only around the edit.
   *
   * @param value
   *   Markdown source, or a vfile (compatible) value (its `path` names the
   *   document).
   * @param options
   *   Plugin options.
   * @returns
   *   The file, with `file.data.newsmark` and `file.messages`.
   */
  analyze(value: Compatible, options?: Readonly<Options> | null): Promise<VFile>
  /** `analyze`, synchronous (the pipeline has no async step). */
  analyzeSync(value: Compatible, options?: Readonly<Options> | null): VFile
  /** `analyzeText` (plain text, not Markdown) with this instance's memory. */
  analyzeText(value: Compatible, options?: Readonly<Options> | null): VFile
  /**
   * Forget what is kept of a document (its last tree, under every parser
   * and options, its tags, and what the caches keep of its text alone): the
   * editor calls it when the document closes. Its next analysis, if any,
   * starts from nothing.
   *
   * @param path
   *   The path the document was analysed with (`file.path`).
   */
  forget(path: string): void
  /** Forget everything kept (the next analysis starts cold). */
  clear(): void
  /** Drop the instance's memory; it can still analyse, from nothing. */
  dispose(): void
  /** How many entries the instance's caches keep (for tests and benchmarks). */
  readonly entries: number
}

/** Configuration of `createNewsmark`. */
export interface NewsmarkOptions {
  /**
   * Whether to keep what documents are made of from one analysis to the
   * next (their trees, tags, sentences; default: `true`, as an editor
   * wants). `false` for a batch of articles that share no text (`newsmark
   * check`): only what is learnt of words is kept, which the next article
   * reads again.
   */
  caches?: boolean | null | undefined
}

/**
 * Create a Newsmark instance: its memory (trees, tags, what the caches keep)
 * is its own, and goes with it. The editor and the language server keep one
 * for their open documents, `newsmark check` one without caches; tests can
 * use the stateless `analyze`.
 *
 * @param options
 *   Configuration.
 * @returns
 *   Instance.
 */
export function createNewsmark(options?: Readonly<NewsmarkOptions> | null): Newsmark {
  const memory = new Memory({caches: options?.caches ?? true})
  // A few configurations at a time (one per reference date, say) and the
  // syntaxes of the documents seen.
  const processors = new Map<string, ReturnType<typeof createProcessor>>()

  function analyzeSync(value: Compatible, options?: Readonly<Options> | null): VFile {
    const file = value instanceof VFile ? value : new VFile(value)
    const syntax = typeof file.value === 'string' ? syntaxOf(file.value) : everySyntax
    const key = JSON.stringify(syntax) + JSON.stringify(options ?? {})
    let processor = processors.get(key)
    if (!processor) {
      if (processors.size > 63) processors.clear()
      processor = createSyntaxProcessor(syntax, options)
      processors.set(key, processor)
    }

    return memory.run(file.path, () => {
      const source = String(file)
      // The previous version of the same file, parsed by the same parser.
      const treeKey = (file.path ?? '') + '\u0000' + key
      // A whole parse (no previous tree, or one `reparse` cannot use) goes
      // a slice at a time.
      const parse = (value: string) => processor.parse(value)
      // The last tree is this call's to change (moving the blocks after an
      // edit in place): taken out first, so that a throw leaves none behind.
      const previous = lastParsed.peek(treeKey)
      lastParsed.delete(treeKey)
      const tree = reparse((value) => parseInChunks(parse, value), previous, source, true)
      lastParsed.set(treeKey, {source, tree})
      processor.runSync(tree, file)
      return file
    })
  }

  return {
    async analyze(value, options) {
      return analyzeSync(value, options)
    },
    analyzeSync,
    analyzeText: (value, options) => textIn(memory, value, options),
    forget(path) {
      memory.forget(path)
    },
    clear() {
      memory.clear()
    },
    dispose() {
      memory.clear()
      processors.clear()
    },
    get entries() {
      return memory.entries
    }
  }
}

// The last tree of each file (by path and parser), for `reparse` after an
// edit: a few documents (the editor's open ones).
const lastParsed = new Cache<string, Parsed>(4, {byDocument: true})

/**
 * Parse and tag a document, remembering nothing for the next analysis.
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
  return analyzeSync(value, options)
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
  // A processor of its own (a fraction of a millisecond to make), and so a
  // memory of words for this analysis alone (the plugin's, `remarkNewsmark`):
  // many articles go faster through one `createNewsmark({caches: false})`.
  const processor = createSyntaxProcessor(syntax, options)
  const tree = parseInChunks((value) => processor.parse(value), String(file))
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
  // A memory of words for this analysis alone.
  return textIn(new Memory({caches: false}), value, options)
}

/**
 * Tag plain text in a memory.
 *
 * @param memory
 *   Memory.
 * @param value
 *   Plain text or vfile.
 * @param options
 *   Plugin options.
 * @returns
 *   The file.
 */
function textIn(memory: Memory, value: Compatible, options?: Readonly<Options> | null): VFile {
  const file = value instanceof VFile ? value : new VFile(value)
  const settings = normalizeOptions(options)
  const document = viewText(String(file))
  return memory.run(file.path, () => {
    file.data.newsmark = tagDocument(document, settings.referenceDate, settings)
    runRules(file, file.data.newsmark, settings.rules, {document})
    return file
  })
}
