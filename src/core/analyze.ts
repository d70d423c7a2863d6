/**
 * `analyze`: the whole Newsmark pipeline on a Markdown string or file, with
 * one frozen processor per configuration.
 */
import remarkDirective from 'remark-directive'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile, type Compatible} from 'vfile'
import {viewText} from './document.ts'
import {normalizeOptions, type Options} from './options.ts'
import remarkNewsmark from './plugin.ts'
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
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    .use(remarkDirective)
    .use(remarkNewsmark, options)
    .freeze()
}

const processors = new Map<string, ReturnType<typeof createProcessor>>()

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
  const key = JSON.stringify(options ?? {})
  let processor = processors.get(key)
  if (!processor) {
    // A few configurations at a time (one per reference date, say).
    if (processors.size > 15) processors.clear()
    processor = createProcessor(options)
    processors.set(key, processor)
  }

  processor.runSync(processor.parse(file), file)
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
