/**
 * `remarkNewsmark`: the unified plugin that tags entities, dates and claims
 * in the prose of a Markdown file.
 *
 * The attacher only validates options; all work happens in the transformer,
 * which writes `file.data.newsmark` and reports findings as vfile messages.
 * Use it after remark-parse with remark-frontmatter (YAML), remark-gfm and
 * remark-directive, or through `analyze`, which sets that pipeline up.
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {viewDocument, type DocumentView} from './document.ts'
import {frontMatterDate, readFrontMatter} from './front-matter.ts'
import {isAnalysedLanguage, kindOf, type Genre} from './genre.ts'
import {currentMemory, Memory} from './incremental/memory.ts'
import {normalizeOptions, type Options, type Settings} from './options.ts'
import {runRules} from './rules/index.ts'
import {documentMemory, tagDocument} from './tag.ts'
import type {NewsmarkResult} from './types.ts'

/**
 * Tag entities, dates and claims.
 *
 * @param options
 *   Configuration (optional).
 * @returns
 *   Transformer.
 */
export default function remarkNewsmark(options?: Readonly<Options> | null) {
  const settings = normalizeOptions(options)
  // What this processor learns of words, for the files it runs on when no
  // `createNewsmark` instance runs it (a unified pipeline over many files).
  const words = new Memory({caches: false})

  /**
   * @param tree
   *   mdast tree.
   * @param file
   *   File.
   */
  return function (tree: Root, file: VFile): undefined {
    // In the memory of a `createNewsmark` instance (what the caches keep
    // for this document's text is its own, and goes with `forget`), or,
    // used on its own, in this processor's memory of words (it keeps no
    // document: an article seldom repeats a sentence).
    ;(currentMemory() ?? words).run(file.path, () => {
      const source = String(file)
      const referenceDate = frontMatterDate(tree) ?? settings.referenceDate
      const document = viewDocument(tree, source)
      const kind = kindOf(readFrontMatter(tree), source)
      // Another language: nothing is tagged (the models know English), and
      // `language-unsupported` says so.
      file.data.newsmark = isAnalysedLanguage(kind.language)
        ? tagFile(document, referenceDate, settings, file.path ?? '', kind.genre)
        : {...(referenceDate ? {referenceDate} : {}), entities: [], dates: [], claims: []}
      runRules(file, file.data.newsmark, settings.rules, {tree, document, kind})
    })
  }
}

/**
 * Tag a document with the memory of its path. (A function of its own: the
 * memory, which holds every sentence's tags, is then not left in a
 * register of the caller's frame, alive while the rules run.)
 *
 * @param document
 *   Text view.
 * @param referenceDate
 *   Reference date.
 * @param settings
 *   Settings.
 * @param path
 *   Path of the document.
 * @param genre
 *   The article's genre.
 * @returns
 *   Result.
 */
function tagFile(
  document: DocumentView,
  referenceDate: string | undefined,
  settings: Settings,
  path: string,
  genre: Genre
): NewsmarkResult {
  return tagDocument(document, referenceDate, settings, documentMemory(path), {genre})
}
