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
import {viewDocument} from './document.ts'
import {frontMatterDate} from './front-matter.ts'
import {withCacheOwner} from './memo.ts'
import {normalizeOptions, type Options} from './options.ts'
import {runRules} from './rules/index.ts'
import {documentMemory, tagDocument} from './tag.ts'

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

  /**
   * @param tree
   *   mdast tree.
   * @param file
   *   File.
   */
  return function (tree: Root, file: VFile): undefined {
    // What the caches keep for this document's text is its own (and goes
    // with `forgetDocument`).
    withCacheOwner(file.path, () => {
      const source = String(file)
      const referenceDate = frontMatterDate(tree) ?? settings.referenceDate
      const document = viewDocument(tree, source)
      file.data.newsmark = tagDocument(document, referenceDate, settings, documentMemory(file.path ?? ''))
      runRules(file, file.data.newsmark, settings.rules, {tree, document})
    })
  }
}
