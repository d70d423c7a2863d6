/**
 * The Markdown parser Newsmark reads articles with, without tagging:
 * remark-parse, front matter (YAML), GFM and directives. The rules parse
 * with it what they are not given a tree of, and the editor's host side
 * reads the reader's inline annotations with it.
 */
import remarkDirective from 'remark-directive'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

/**
 * Create the parser.
 *
 * @returns
 *   Frozen processor (`parse` only: it has no transformer).
 */
export function createParser() {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective).freeze()
}
