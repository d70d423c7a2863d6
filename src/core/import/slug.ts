/**
 * File names from headlines: `Poland to Leave the Ottawa Convention` →
 * `poland-to-leave-the-ottawa-convention`.
 */

// Names Windows reserves, whatever the extension.
const reserved = /^(?:con|prn|aux|nul|com\d|lpt\d)$/

/**
 * A slug for a file name: lowercase ASCII letters, digits and hyphens,
 * accents dropped, at most `max` characters (cut at a word).
 *
 * @param title
 *   Headline.
 * @param max
 *   Longest slug (default: 60).
 * @returns
 *   Slug, `article` when nothing is left.
 * @example
 *   slugify('Łódź: “Budget” up 5%') // 'lodz-budget-up-5'
 */
export function slugify(title: string, max = 60): string {
  let slug = title
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z\d]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (slug.length > max) {
    const cut = slug.slice(0, max + 1)
    const hyphen = cut.lastIndexOf('-')
    slug = (hyphen > max / 2 ? cut.slice(0, hyphen) : cut.slice(0, max)).replace(/-+$/, '')
  }
  if (reserved.test(slug)) slug += '-article'
  return slug || 'article'
}
