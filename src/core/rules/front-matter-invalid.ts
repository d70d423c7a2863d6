/**
 * Flags front matter that is not valid YAML.
 *
 * ## Why
 *
 * The front matter holds what Newsmark knows of the article as a whole,
 * above all its date, which relative dates (“next month”) resolve
 * against. Front matter that does not parse gives none of it: the article
 * is still tagged, as if it had none.
 *
 * ## Default severity
 *
 * `warning`.
 *
 * ## Fix
 *
 * Make it valid YAML: a `key: value` per line, a value with a `: ` in it
 * quoted.
 *
 * @example
 *   {"name": "ok.md"}
 *
 *   ---
 *   title: "Poland: out of the Ottawa Convention"
 *   date: 2026-01-16
 *   ---
 *
 *   Poland will withdraw next month.
 *
 * @example
 *   {"name": "not-ok.md", "label": "input"}
 *
 *   ---
 *   title: Poland: out of the Ottawa Convention
 *   date: 2026-01-16
 *   ---
 *
 *   Poland will withdraw next month.
 *
 * @example
 *   {"name": "not-ok.md", "label": "output"}
 *
 *   1:1-4:4: Unexpected invalid YAML in front matter, expected valid YAML: Nested mappings are not allowed in compact mappings at line 1, column 8
 */
import type {Rule} from './rule.ts'

const rule: Rule = {
  id: 'front-matter-invalid',
  severity: 'warning',
  check(context, report) {
    const frontMatter = context.frontMatter
    if (!frontMatter?.error) return
    const position = frontMatter.node.position
    const start = position?.start.offset ?? 0
    const end = position?.end.offset ?? 0
    // The YAML starts on the line after the opening `---`.
    const yaml = context.source.indexOf('\n', start) + 1
    const at = frontMatter.errorAt === undefined || yaml === 0 ? undefined : Math.min(yaml + frontMatter.errorAt, end)
    report({
      start,
      end,
      reason: 'Unexpected invalid YAML in front matter, expected valid YAML: ' + frontMatter.error,
      // The character there, unless it ends a line (or the front matter).
      ...(at === undefined
        ? {}
        : {related: {start: at, end: at < end && context.source[at] !== '\n' ? at + 1 : at, reason: 'The YAML goes wrong here'}})
    })
  }
}

export default rule
