/**
 * The article's headline, read one way wherever it is needed (the ranking
 * of claims to check, genre detection, export metadata): the front matter's
 * `title:`, else the first level-one ATX heading of the body.
 */

/**
 * The `title:` of front matter data, if it is a string with words.
 *
 * @param data
 *   Front matter data (anything YAML gives).
 * @returns
 *   Title, trimmed.
 */
export function titleOf(data: unknown): string | undefined {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined
  const title = (data as Record<string, unknown>).title
  return typeof title === 'string' && title.trim() !== '' ? title.trim() : undefined
}

/**
 * The text of the level-one ATX heading (`# Headline`, `# Headline #`) that
 * comes before any other heading of Markdown text, outside fenced code: a
 * late “# Related stories” under sections, or a `# comment` in a code
 * block, is no headline.
 *
 * @param body
 *   Markdown text, without front matter.
 * @returns
 *   Heading text, if there is one.
 */
export function firstHeading(body: string): string | undefined {
  let fence: string | undefined
  for (const line of body.split(/\r?\n/)) {
    const marker = /^[ \t]{0,3}(`{3,}|~{3,})/.exec(line)?.[1]
    if (fence !== undefined) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined
      continue
    }

    if (marker) {
      fence = marker
      continue
    }

    const heading = /^[ \t]{0,3}(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/.exec(line)
    if (!heading) continue
    return heading[1] === '#' && heading[2].trim() !== '' ? heading[2].trim() : undefined
  }

  return undefined
}

/**
 * The article's headline: the front matter's `title:`, else its first
 * level-one heading.
 *
 * @param data
 *   Front matter data, if any.
 * @param body
 *   Markdown text, without front matter.
 * @returns
 *   Headline, if there is one.
 */
export function headlineOf(data: unknown, body: string): string | undefined {
  return titleOf(data) ?? firstHeading(body)
}
