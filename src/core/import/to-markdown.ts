/**
 * The article's HTML (what Readability kept) to Markdown, through the
 * unified ecosystem: `hast-util-from-html` parses it, a cleaning pass
 * drops what a reader does not annotate, `rehype-remark` turns it into
 * mdast and `remark-stringify` (with GFM, for tables) writes it.
 *
 * Dropped: scripts and styles, forms and buttons, embeds, hidden elements,
 * ads and share bars of AMP pages, and every image, video and audio (a
 * caption stays as text): an imported article loads nothing from the
 * network when it is previewed. Links become absolute (against `<base>`
 * or the page's address); a relative link with nothing to resolve it
 * against, or a `javascript:` one, keeps its text only.
 */
import type {Element, ElementContent, Root, RootContent} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import type {Root as MdastRoot} from 'mdast'
import {toString} from 'mdast-util-to-string'
import rehypeRemark from 'rehype-remark'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'

/** What the conversion gives. */
export interface ConvertedArticle {
  /** Markdown (no front matter): the headline as a heading, then the text. */
  markdown: string
  /** Words of the text (not the headline), and how much of it is links. */
  stats: TextStats
  /** Images, videos, audio and embeds left out. */
  droppedMedia: number
}

/** Elements dropped with their content. */
const dropped = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'form',
  'button',
  'input',
  'select',
  'textarea',
  'label',
  'svg',
  'math',
  'canvas',
  'dialog',
  'nav',
  'aside',
  'meta',
  'link'
])

/** Media: dropped and counted (no remote content in the Markdown). */
const media = new Set(['img', 'picture', 'video', 'audio', 'source', 'track', 'amp-img', 'amp-anim', 'amp-video', 'amp-audio', 'amp-iframe', 'amp-youtube', 'amp-twitter', 'amp-instagram', 'amp-facebook'])

/** AMP components that are chrome (ads, analytics, sharing, consent), not text. */
const ampChrome = /^amp-(?:ad|embed|analytics|pixel|sticky-ad|auto-ads|social-share|share-tracking|consent|sidebar|user-notification|geo|call-tracking|install-serviceworker|lightbox|position-observer|animation)$/

/**
 * Classes and ids of page chrome: share bars, ads, newsletter boxes,
 * cookie banners, related links (a paywall's prompt is not chrome: the
 * importer reads it to tell a paywall stub).
 */
export const chromeMarks =
  /(?:^|[\s_-])(?:share|sharing|social|newsletter|ads?|advert\w*|ad-?(?:slot|container|unit|wrapper)|dfp|gpt-ad|sponsored|promo|cookies?|consent|gdpr|related(?:-(?:links|articles|stories|content))?|read-?more|recommended|outbrain|taboola|print-only)(?:$|[\s_-])/i

/**
 * Convert an article's HTML to Markdown.
 *
 * @param html
 *   The article's HTML (a fragment).
 * @param base
 *   Absolute address links resolve against, if known.
 * @param title
 *   The headline, written as the first heading (a first heading of the
 *   text with the same words is dropped).
 * @returns
 *   Markdown and its tree.
 */
export function htmlToMarkdown(html: string, base: string | undefined, title: string | undefined): ConvertedArticle {
  const hast = fromHtml(html, {fragment: true})
  const state: CleanState = {droppedMedia: 0, linkChars: 0, base}
  clean(hast, state)
  dropTitleHeading(hast, title)
  const processor = unified().use(rehypeRemark).use(remarkGfm).use(remarkStringify, {
    bullet: '-',
    emphasis: '*',
    strong: '*',
    fence: '`',
    rule: '-',
    listItemIndent: 'one',
    resourceLink: true
  })
  const tree = processor.runSync(hast as never) as unknown as MdastRoot
  tidy(tree)
  const stats = textStats(tree, state.linkChars)
  if (title) tree.children.unshift({type: 'heading', depth: 1, children: [{type: 'text', value: title.replace(/\s+/g, ' ')}]})
  const markdown = processor.stringify(tree as never).trim()
  return {markdown, stats, droppedMedia: state.droppedMedia}
}

/** How much text there is. */
export interface TextStats {
  /** Words (runs of non-space with a letter or digit). */
  words: number
  /** The text. */
  text: string
  /** Share of the text's characters (spaces aside) inside links, 0 to 1. */
  linkDensity: number
}

/**
 * Words in an mdast tree, and the share of its text that is link text.
 *
 * @param tree
 *   mdast tree.
 * @param linkChars
 *   Characters (spaces aside) of the links of the HTML, those that are
 *   text now included (default: those of the tree's links).
 * @returns
 *   Word count and link density.
 */
export function textStats(tree: MdastRoot, linkChars?: number): TextStats {
  const text = toString(tree, {includeImageAlt: false})
  let linked = 0
  visit(tree, 'link', (node) => {
    linked += toString(node).replace(/\s+/g, '').length
    return 'skip'
  })
  if (linkChars !== undefined) linked = linkChars
  const letters = text.replace(/\s+/g, '').length
  return {
    words: text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length,
    text,
    linkDensity: letters === 0 ? 0 : Math.min(1, linked / letters)
  }
}

/** What the cleaning pass counts, and what it resolves links against. */
interface CleanState {
  droppedMedia: number
  /** Characters (spaces aside) of the links kept, as links or as text. */
  linkChars: number
  base: string | undefined
}

function clean(parent: Root | Element, state: CleanState): void {
  const children: Array<RootContent | ElementContent> = []
  for (const child of parent.children) {
    if (child.type === 'comment' || child.type === 'doctype') continue
    if (child.type !== 'element') {
      children.push(child)
      continue
    }
    const name = child.tagName
    const properties = child.properties
    if (media.has(name)) {
      if (name !== 'source' && name !== 'track') state.droppedMedia++
      continue
    }
    if (dropped.has(name) || ampChrome.test(name)) continue
    if (properties.hidden !== undefined && properties.hidden !== false) continue
    if (String(properties.ariaHidden) === 'true') continue
    const marks = [properties.className, properties.id].flat().filter((value) => typeof value === 'string').join(' ')
    if (marks && chromeMarks.test(marks) && !isHeadingOrParagraphWithText(child)) continue
    if (name === 'a') {
      state.linkChars += elementText(child).replace(/\s+/g, '').length
      const href = typeof properties.href === 'string' ? resolve(properties.href, state.base) : undefined
      if (href) {
        child.properties = {href}
      } else {
        // Keep the text, not the link.
        clean(child, state)
        children.push(...child.children)
        continue
      }
    }
    clean(child, state)
    children.push(child)
  }
  parent.children = children as typeof parent.children
}

/** A block of the text itself whose class happens to say “share” (`<p class="market-share">`). */
function isHeadingOrParagraphWithText(element: Element): boolean {
  return /^(?:p|h[1-6]|blockquote|li)$/.test(element.tagName) && element.children.some((child) => child.type === 'text' && child.value.trim().length > 40)
}

function resolve(href: string, base: string | undefined): string | undefined {
  const value = href.trim()
  if (value === '' || value.startsWith('#')) return undefined
  try {
    const url = new URL(value, base)
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:' ? url.href : undefined
  } catch {
    return undefined
  }
}

/** Drop the first heading when it repeats the headline. */
function dropTitleHeading(tree: Root, title: string | undefined): void {
  if (!title) return
  const wanted = normalize(title)
  let done = false
  const walk = (parent: Root | Element): void => {
    for (let index = 0; index < parent.children.length && !done; index++) {
      const child = parent.children[index]!
      if (child.type !== 'element') {
        if (child.type === 'text' && child.value.trim() !== '') done = true
        continue
      }
      if (/^h[1-6]$/.test(child.tagName)) {
        if (normalize(elementText(child)) === wanted) parent.children.splice(index, 1)
        done = true
        return
      }
      walk(child)
    }
  }
  walk(tree)
}

function elementText(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value
  if (node.type === 'element') return node.children.map(elementText).join('')
  return ''
}

function normalize(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim().toLowerCase()
}

/** Remove what the conversion leaves empty: paragraphs and links without text. */
function tidy(tree: MdastRoot): void {
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return undefined
    if ((node.type === 'paragraph' || node.type === 'heading' || node.type === 'link' || node.type === 'emphasis' || node.type === 'strong') && toString(node).trim() === '') {
      parent.children.splice(index, 1)
      return index
    }
    return undefined
  })
}
