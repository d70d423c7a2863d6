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
 * The text of the first level-one ATX heading (`# Headline`, `# Headline #`)
 * of Markdown text.
 *
 * @param body
 *   Markdown text, without front matter.
 * @returns
 *   Heading text, if there is one.
 */
export function firstHeading(body: string): string | undefined {
  const heading = /^[ \t]{0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/m.exec(body)?.[1]?.trim()
  return heading === '' ? undefined : heading
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
