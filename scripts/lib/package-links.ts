/**
 * Links of the pages a packaged extension shows, checked against what the
 * package holds (`npm run package`, `test/scripts/package-links.test.ts`).
 *
 * VS Code shows the packaged README and CHANGELOG as the extension's page,
 * in a webview that opens only `http:`, `https:` and `mailto:` links and
 * loads only `https:` and `data:` images (its Content-Security-Policy is
 * `img-src https: data:`, and it is given no local resources). A relative
 * link or image there does nothing, whether or not its file ships (the
 * Marketplace would show them only because vsce rewrites them, which
 * `npm run package` does not ask for). So, on those pages:
 *
 * - every link and image is absolute (`https://github.com/newsmark/newsmark/blob/main/docs/rules.md`,
 *   `https://github.com/newsmark/newsmark/raw/main/media/screenshot.png`),
 *   and one into the repository names a file that exists in it;
 * - `#fragment` names a heading of the same page.
 *
 * The walkthrough's Markdown steps may also use `command:` links (VS Code
 * runs them there), and every file the manifest names (icon, walkthrough
 * media) must be in the package.
 */
import fs from 'node:fs'
import path from 'node:path'
import type {Definition, Heading, Html, Image, Link, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'

/** One link of a page. */
export interface PageLink {
  /** What the link points to, as written. */
  readonly url: string
  /** Whether it is an image (loaded by the page rather than opened). */
  readonly image: boolean
  /** 1-based line. */
  readonly line: number
}

/** How a page's links are judged. */
export interface LinkRules {
  /** Path of the page inside the package (`README.md`); relative links resolve against its folder. */
  readonly page: string
  /** Files in the package, relative to its root, with `/` (what `vsce ls` prints). */
  readonly files: ReadonlySet<string>
  /** `https://github.com/owner/name` of the repository: links into it name files of `root`. */
  readonly repository: string
  /** The repository's folder on disk. */
  readonly root: string
  /** Whether `command:` links are allowed (walkthrough steps; default: `false`). */
  readonly commands?: boolean | null | undefined
}

const parser = unified().use(remarkParse).use(remarkGfm)

/**
 * Every link and image of a Markdown page, with HTML `href`/`src`
 * attributes and link definitions.
 *
 * @param markdown
 *   The page.
 * @returns
 *   Links, in document order.
 */
export function pageLinks(markdown: string): PageLink[] {
  const tree = parser.parse(markdown) as Root
  const links: PageLink[] = []
  visit(tree, (node) => {
    const line = node.position?.start.line ?? 0
    if (node.type === 'link' || node.type === 'definition') {
      links.push({url: (node as Link | Definition).url, image: false, line})
    } else if (node.type === 'image') {
      links.push({url: (node as Image).url, image: true, line})
    } else if (node.type === 'html') {
      for (const match of (node as Html).value.matchAll(/\b(href|src)\s*=\s*["']([^"']*)["']/gi)) {
        links.push({url: match[2] ?? '', image: match[1]?.toLowerCase() === 'src', line})
      }
    }
  })
  return links
}

/**
 * The anchors of a page's headings, as GitHub and VS Code's Markdown
 * renderer make them (lower case, punctuation dropped, spaces to `-`,
 * repeats numbered).
 *
 * @param markdown
 *   The page.
 * @returns
 *   Anchors, without `#`.
 */
export function headingAnchors(markdown: string): Set<string> {
  const tree = parser.parse(markdown) as Root
  const anchors = new Set<string>()
  const seen = new Map<string, number>()
  visit(tree, 'heading', (node: Heading) => {
    const base = toString(node)
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-')
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    anchors.add(count ? `${base}-${count}` : base)
  })
  return anchors
}

/**
 * What is wrong with a page's links, one line each (`README.md:12: …`).
 *
 * @param markdown
 *   The page.
 * @param rules
 *   The package, the repository and what the page allows.
 * @returns
 *   Problems; empty when every link works on the extension's page.
 */
export function checkPageLinks(markdown: string, rules: Readonly<LinkRules>): string[] {
  const problems: string[] = []
  const anchors = headingAnchors(markdown)
  const repository = rules.repository.replace(/\/$/, '')
  const folder = path.posix.dirname(rules.page)
  for (const {url, image, line} of pageLinks(markdown)) {
    const say = (problem: string) => problems.push(`${rules.page}:${line}: ${problem}`)
    const scheme = /^([a-z][a-z\d+.-]*):/i.exec(url)?.[1]?.toLowerCase()
    if (image && scheme && scheme !== 'https' && scheme !== 'data') {
      say(`the image \`${url}\`: the extension's page loads only https and data images`)
    } else if (url.startsWith('#')) {
      if (!anchors.has(decodeURIComponent(url.slice(1)))) say(`\`${url}\` names no heading of this page`)
    } else if (scheme === 'http' || scheme === 'https' || scheme === 'mailto' || scheme === 'data') {
      const inside = new RegExp(`^${escape(repository)}/(?:blob|tree|raw)/[^/]+/([^?#]*)`).exec(url)
      if (inside) {
        const file = decodeURIComponent(inside[1] ?? '')
        if (!fs.existsSync(path.join(rules.root, file))) say(`\`${url}\` links to \`${file}\`, which is not in the repository`)
      }
    } else if (scheme === 'command') {
      if (!rules.commands) say(`\`${url}\`: the extension's page runs no command links`)
    } else if (scheme) {
      say(`\`${url}\`: the extension's page opens only https and mailto links`)
    } else {
      const file = path.posix.normalize(path.posix.join(folder, decodeURIComponent(url.replace(/[?#].*$/, ''))))
      const shipped = rules.files.has(file) ? '' : ` (and \`${file}\` is not in the package)`
      say(
        image
          ? `the image \`${url}\` is relative: the extension's page loads only https images${shipped}; use ${repository}/raw/main/${file}`
          : `\`${url}\` is relative: the extension's page opens only https links${shipped}; link to ${repository}/blob/main/${file}`
      )
    }
  }
  return problems
}

/**
 * Files the manifest names that the package lacks: the icon, the entry
 * points, the walkthroughs' media, the view containers' icons, the
 * grammars and the Markdown preview's styles.
 *
 * @param manifest
 *   `package.json`, parsed.
 * @param files
 *   Files in the package.
 * @returns
 *   Problems, one line each.
 */
export function checkManifestFiles(manifest: Readonly<Record<string, unknown>>, files: ReadonlySet<string>): string[] {
  const named: string[] = []
  for (const field of ['icon', 'main', 'browser']) {
    const value = manifest[field]
    if (typeof value === 'string') named.push(value)
  }
  // Every `path`, `icon`, `image`, `svg` and `markdown` string under
  // contributes, and the Markdown preview's styles and scripts.
  const walk = (value: unknown, key: string) => {
    if (typeof value === 'string') {
      if (/^(path|icon|image|svg|markdown|light|dark|hc|hcLight|markdown\.previewStyles|markdown\.previewScripts)$/.test(key) && /\.(png|svg|md|json|gif|jpg|css|js|cjs)$/i.test(value)) named.push(value)
    } else if (Array.isArray(value)) {
      for (const item of value) walk(item, key)
    } else if (value && typeof value === 'object') {
      for (const [child, item] of Object.entries(value)) walk(item, child)
    }
  }
  walk(manifest['contributes'], '')
  return [...new Set(named)]
    .map((name) => path.posix.normalize(name))
    .filter((name) => !files.has(name))
    .map((name) => `package.json names \`${name}\`, which is not in the package (see .vscodeignore)`)
}

/**
 * Escape a string for a regular expression.
 *
 * @param value
 *   Text.
 * @returns
 *   Pattern matching it.
 */
function escape(value: string): string {
  return value.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')
}
