/**
 * The directive syntax Newsmark parses: remark-directive's text directives
 * (`:person[Cezary Tomczyk]{role="…"}`) with one of Newsmark's names
 * (`directiveNames`), and nothing else of remark-directive.
 *
 * Leaf and container directives (`::name`, `:::name`) are left out: Newsmark
 * reads none, and a run of lines each opening a container (`:::a` on 5,000
 * lines) nests them 5,000 deep, which took remark 121 s and 1.8 GB (a bare
 * parse: 0.18 s). Text directives of other names (`10:30`, `UPDATE:Reuters`)
 * stay text, as the reader wrote them. A text directive's label is at most
 * 999 characters (micromark's bound), so its parse stays linear.
 *
 * The trees are otherwise those of remark-directive: the same nodes
 * (`textDirective`) from the same code.
 */
import {directiveFromMarkdown} from 'mdast-util-directive'
import {directive} from 'micromark-extension-directive'
import type {Construct, State, TokenizeContext} from 'micromark-util-types'
import type {Processor} from 'unified'
import type {TagType} from './types.ts'

/** Directive names and the tag type each stands for. */
export const directiveNames: Readonly<Record<string, TagType>> = {
  person: 'PER',
  org: 'ORG',
  organization: 'ORG',
  organisation: 'ORG',
  place: 'LOC',
  location: 'LOC',
  thing: 'MISC',
  misc: 'MISC',
  entity: 'MISC',
  date: 'DATE',
  time: 'DATE',
  claim: 'CLAIM',
  quote: 'CLAIM'
}

const names = new Set(Object.keys(directiveNames))
const longest = Math.max(...[...names].map((name) => name.length))

// A name as remark-directive reads one: it ends before a character that
// cannot be in a name (ASCII letters, digits, `-`, `_`).
const directiveAt = new RegExp(`:(?:${[...names].join('|')})(?![\\w-])`)

/**
 * Whether a text may hold one of Newsmark's directives (a superset: a `:`,
 * an own name, and no name character after it).
 *
 * @param value
 *   Markdown source.
 * @returns
 *   Whether the directive syntax is needed to parse it.
 */
export function mayHaveDirectives(value: string): boolean {
  return directiveAt.test(value)
}

/**
 * A unified plugin that adds Newsmark's directive syntax (text directives
 * with Newsmark's names) to remark-parse.
 *
 * @example
 *   unified().use(remarkParse).use(remarkNewsmarkDirectives).parse(':claim[x]{verdict=false}')
 */
export function remarkNewsmarkDirectives(this: Processor): undefined {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push({text: {58: newsmarkDirectiveText}})
  ;(data.fromMarkdownExtensions ??= []).push(directiveFromMarkdown())
}

const directiveText = directive().text![58] as Construct

/** Checks that a `:` starts one of Newsmark's names. */
const ownName: Construct = {tokenize: tokenizeOwnName, partial: true}

/** remark-directive's text directive, for Newsmark's names only. */
const newsmarkDirectiveText: Construct = {
  name: 'newsmarkDirectiveText',
  ...(directiveText.previous ? {previous: directiveText.previous} : {}),
  tokenize(effects, ok, nok) {
    const text = directiveText.tokenize.call(this, effects, ok, nok)
    return (code) => effects.check(ownName, text, nok)(code)
  }
}

/**
 * Tokenize `:` and a name, ending before a character that is not one of a
 * name, and succeed when it is one of Newsmark's (the text directive then
 * parses it again).
 */
function tokenizeOwnName(this: TokenizeContext, effects: Parameters<Construct['tokenize']>[0], ok: State, nok: State): State {
  let name = ''
  return start

  /** At the `:`. */
  function start(code: number | null): State | undefined {
    effects.enter('directiveTextName')
    effects.consume(code)
    return inside
  }

  /** In the name. */
  function inside(code: number | null): State | undefined {
    const char = code === null || code < 0 ? '' : String.fromCharCode(code)
    if (/^[\w-]$/.test(char)) {
      if (name.length === longest) return nok(code)
      name += char
      effects.consume(code)
      return inside
    }

    effects.exit('directiveTextName')
    return names.has(name) ? ok(code) : nok(code)
  }
}
