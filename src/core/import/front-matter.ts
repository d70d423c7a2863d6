/**
 * The YAML front matter an imported article starts with: the fields the
 * analysis and the exports read (`title`, `date`, `author`, `url`,
 * `language`, `section`), plus `source` (the site) and `retrieved` (the
 * day of the import).
 */
import {stringify} from 'yaml'

/** Front matter of an imported article; empty fields are left out. */
export interface ImportFrontMatter {
  title?: string
  /** `YYYY-MM-DD`. */
  date?: string
  /** One name, or several. */
  author?: string | string[]
  /** The site's name. */
  source?: string
  /** Canonical address. */
  url?: string
  language?: string
  section?: string
  /** Day of the import, `YYYY-MM-DD`. */
  retrieved?: string
}

const order: ReadonlyArray<keyof ImportFrontMatter> = ['title', 'date', 'author', 'source', 'url', 'language', 'section', 'retrieved']

/**
 * Write front matter, fences included.
 *
 * @param data
 *   Fields.
 * @returns
 *   `---\n…---\n`.
 */
export function frontMatterText(data: Readonly<ImportFrontMatter>): string {
  const ordered: Record<string, unknown> = {}
  for (const key of order) {
    const value = data[key]
    if (value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)) ordered[key] = value
  }
  // Dates stay strings (`yaml` quotes nothing that reads back as a string under the core schema).
  return '---\n' + stringify(ordered, {lineWidth: 0}) + '---\n'
}
