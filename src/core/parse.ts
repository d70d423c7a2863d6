/**
 * The Markdown parser Newsmark reads articles with, without tagging:
 * remark-parse, front matter (YAML), GFM and Newsmark's directives
 * (`annotations/syntax.ts`). The rules parse
 * with it what they are not given a tree of, and the editor's host side
 * reads the reader's inline annotations with it.
 */
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {remarkNewsmarkDirectives} from './annotations/syntax.ts'

/**
 * Create the parser.
 *
 * @returns
 *   Frozen processor (`parse` only: it has no transformer).
 */
export function createParser() {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkNewsmarkDirectives).freeze()
}
