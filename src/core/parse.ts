/**
 * The Markdown parser Newsmark reads articles with, without tagging:
 * remark-parse, front matter (YAML), GFM and Newsmark's directives
 * (`annotations/syntax.ts`), each GFM construct and the directives only
 * where a document may hold them (`syntaxOf`). The rules parse with it what
 * they are not given a tree of, and the editor's host side reads the
 * reader's inline annotations with it.
 */
import type {Root} from 'mdast'
import {gfmAutolinkLiteralFromMarkdown} from 'mdast-util-gfm-autolink-literal'
import {gfmFootnoteFromMarkdown} from 'mdast-util-gfm-footnote'
import {gfmStrikethroughFromMarkdown} from 'mdast-util-gfm-strikethrough'
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table'
import {gfmTaskListItemFromMarkdown} from 'mdast-util-gfm-task-list-item'
import {gfmAutolinkLiteral} from 'micromark-extension-gfm-autolink-literal'
import {gfmFootnote} from 'micromark-extension-gfm-footnote'
import {gfmStrikethrough} from 'micromark-extension-gfm-strikethrough'
import {gfmTable} from 'micromark-extension-gfm-table'
import {gfmTaskListItem} from 'micromark-extension-gfm-task-list-item'
import remarkFrontmatter from 'remark-frontmatter'
import type remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified, type Processor} from 'unified'
import {mayHaveDirectives, remarkNewsmarkDirectives} from './annotations/syntax.ts'

/** A parser: Markdown to mdast. */
export interface MarkdownParser {
  /**
   * Parse a document.
   *
   * @param value
   *   Markdown source.
   * @returns
   *   Tree, with positions.
   */
  parse(value: string): Root
}

/**
 * Create the parser: each document is parsed with the constructs it may
 * hold (`syntaxOf`), which gives the tree of a parser with all of them.
 *
 * @returns
 *   Parser.
 */
export function createParser(): MarkdownParser {
  // One processor per syntax (a few dozen at most), made on first use.
  const parsers = new Map<string, ReturnType<typeof parserOf>>()
  return {
    parse(value) {
      const syntax = syntaxOf(value)
      const key = JSON.stringify(syntax)
      let parser = parsers.get(key)
      if (!parser) {
        parser = parserOf(syntax)
        parsers.set(key, parser)
      }

      return parser.parse(value)
    }
  }
}

/**
 * A frozen parser for some constructs.
 *
 * @param syntax
 *   Constructs.
 * @returns
 *   Processor (`parse` only: it has no transformer).
 */
function parserOf(syntax: Readonly<Syntax>) {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(syntaxPlugin(syntax)).freeze()
}

/** What `remark-gfm` and Newsmark's directives may have to parse in a document. */
export interface Syntax {
  /** `full`: GFM tables and literal autolinks; `plain`: neither. */
  gfm: 'full' | 'plain'
  footnote: boolean
  strikethrough: boolean
  taskList: boolean
  directive: boolean
}

/** Every construct: what `createProcessor` parses. */
export const everySyntax: Readonly<Syntax> = {gfm: 'full', footnote: true, strikethrough: true, taskList: true, directive: true}

/**
 * The constructs a document may hold, by the characters each cannot do
 * without: parsing with the others left out gives the same tree, and each
 * left out spares a look at every character that could start it (every
 * `:`, `[`, `~`), which with all of them made parsing 1.8 times as slow as a
 * bare remark parse (`test/core/parse.test.ts` compares the trees).
 *
 * @param value
 *   Markdown source.
 * @returns
 *   Constructs to parse.
 */
export function syntaxOf(value: string): Syntax {
  return {
    gfm: needsFullGfm(value) ? 'full' : 'plain',
    // `[^1]` and `[^1]:`. Footnotes are left out wherever they can be: on
    // a run of `]` in one paragraph, micromark-extension-gfm-footnote looks
    // back through the paragraph at each `]` (quadratic: 50 KB took 12 s;
    // `docs/upstream.md`).
    footnote: value.includes('[^'),
    strikethrough: value.includes('~'),
    // `[ ]`, `[x]`, `[X]`: the space may be a tab or a line ending, and
    // the `]` on the next line, after a block quote's `>` or an indent.
    taskList: /\[(?:\s|[xX]\])/.test(value),
    // Newsmark's directives only (`:person[…]`), not any `:` before a letter.
    directive: mayHaveDirectives(value)
  }
}

/**
 * A plugin that adds the constructs of a `Syntax`: the micromark and mdast
 * extensions of `remark-gfm` one by one, in its order, each where a
 * document may hold it (all of them make the same parser as `remark-gfm`);
 * then Newsmark's directives.
 *
 * @param syntax
 *   Constructs.
 * @returns
 *   Plugin.
 */
export function syntaxPlugin(syntax: Readonly<Syntax>): typeof remarkGfm {
  return function (this: Processor) {
    const data = this.data()
    const micromarkExtensions = (data.micromarkExtensions ??= [])
    const fromMarkdownExtensions = (data.fromMarkdownExtensions ??= [])
    const full = syntax.gfm === 'full'
    if (full) {
      micromarkExtensions.push(gfmAutolinkLiteral())
      fromMarkdownExtensions.push(gfmAutolinkLiteralFromMarkdown())
    }

    if (syntax.footnote) {
      micromarkExtensions.push(gfmFootnote())
      fromMarkdownExtensions.push(gfmFootnoteFromMarkdown())
    }

    if (syntax.strikethrough) {
      micromarkExtensions.push(gfmStrikethrough())
      fromMarkdownExtensions.push(gfmStrikethroughFromMarkdown())
    }

    if (full) {
      micromarkExtensions.push(gfmTable())
      fromMarkdownExtensions.push(gfmTableFromMarkdown())
    }

    if (syntax.taskList) {
      micromarkExtensions.push(gfmTaskListItem())
      fromMarkdownExtensions.push(gfmTaskListItemFromMarkdown())
    }

    if (syntax.directive) remarkNewsmarkDirectives.call(this)
  } as typeof remarkGfm
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
