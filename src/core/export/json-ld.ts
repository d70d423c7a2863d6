/**
 * JSON-LD text that can be embedded in an HTML page as it is, in a
 * `<script type="application/ld+json">` element.
 */

/**
 * Escape every `<` of JSON text as `\u003c`: a string value holding
 * `</script>` or `<!--` can then not end or confuse the script element it
 * is embedded in. The JSON means the same; `<` only occurs inside strings.
 *
 * @param json
 *   JSON text.
 * @returns
 *   The same JSON with no `<`.
 * @example
 *   escapeJsonLd('{"a":"</script>"}') // '{"a":"\\u003c/script>"}'
 */
export function escapeJsonLd(json: string): string {
  return json.replace(/</g, '\\u003c')
}
