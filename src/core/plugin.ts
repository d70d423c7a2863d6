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
import {tagClaims} from './claims/tag-claims.ts'
import {tagTimex} from './dates/index.ts'
import {spanOf, viewDocument, type DocumentView} from './document.ts'
import {clusterMentions} from './entities/cluster.ts'
import {findMentions} from './entities/mentions.ts'
import {frontMatterDate} from './front-matter.ts'
import {normalizeOptions, type Options, type Settings} from './options.ts'
import {runRules} from './rules/index.ts'
import type {DateTag, NewsmarkResult} from './types.ts'

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
    file.data.newsmark = tagDocument(tree, file, settings)
    runRules(file, file.data.newsmark)
  }
}

/**
 * Tag one parsed document.
 *
 * @param tree
 *   mdast tree.
 * @param file
 *   File (its value is the Markdown source).
 * @param settings
 *   Settings.
 * @returns
 *   Result.
 */
function tagDocument(tree: Root, file: VFile, settings: Settings): NewsmarkResult {
  const source = String(file.value ?? '')
  const referenceDate = frontMatterDate(tree, file) ?? settings.referenceDate
  const document = viewDocument(tree, source)
  const result: NewsmarkResult = {entities: [], dates: [], claims: []}
  if (referenceDate) result.referenceDate = referenceDate

  if (settings.entities || settings.claims) {
    const mentions = findMentions(document)
    const {entities, entityOf} = clusterMentions(mentions)
    if (settings.claims) {
      result.claims = tagClaims(document, mentions, entityOf, entities)
    }

    if (settings.entities) result.entities = entities
  }

  if (settings.dates) result.dates = tagDates(document, referenceDate)
  return result
}

/**
 * Tag the dates of every prose block.
 *
 * @param document
 *   Document.
 * @param referenceDate
 *   Reference date.
 * @returns
 *   Dates in document order.
 */
function tagDates(document: DocumentView, referenceDate: string | undefined): DateTag[] {
  const dates: DateTag[] = []
  for (const block of document.blocks) {
    const found = tagTimex(block.text, referenceDate ? {referenceDate} : {})
    for (const timex of found) {
      const date: DateTag = {
        ...spanOf(document, block, timex.start, timex.end),
        type: timex.type,
        value: timex.value,
        relative: timex.relative
      }
      if (timex.unresolved) date.unresolved = true
      dates.push(date)
    }
  }

  return dates
}
