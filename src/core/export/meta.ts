/**
 * Article metadata for exports, read from YAML front matter (`title`,
 * `date`, `url`, `author`) or, for the title, the first heading.
 * Invalid front matter is ignored here (the analyzer reports it).
 */
import {parse} from 'yaml'
import {headlineOf} from '../headline.ts'
import type {ExportMeta} from './types.ts'

/**
 * Read the metadata of an article.
 *
 * @param source
 *   Markdown source.
 * @param file
 *   Path of the article as links should point to it.
 * @returns
 *   Metadata (without orphans, generator and reviewer).
 */
export function articleMeta(source: string, file: string): ExportMeta {
  const meta: ExportMeta = {file}
  const front = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(source)
  let data: Record<string, unknown> = {}
  if (front) {
    try {
      const value: unknown = parse(front[1]!)
      if (value && typeof value === 'object' && !Array.isArray(value)) data = value as Record<string, unknown>
    } catch {
      // Reported by the analyzer as `front-matter-invalid`.
    }
  }

  const title = headlineOf(data, source.slice(front?.[0].length ?? 0))
  if (title) meta.title = title
  const date = data.date ?? data.published ?? data.datePublished
  const iso = date instanceof Date ? date.toISOString().slice(0, 10) : text(date)
  if (iso && /^\d{4}-\d{2}-\d{2}/.test(iso)) meta.datePublished = iso.slice(0, 10)
  const url = text(data.url) ?? text(data.canonical) ?? text(data.link)
  if (url && /^https?:\/\//i.test(url)) meta.url = url
  const author = Array.isArray(data.author) ? data.author.map(String).join(', ') : text(data.author)
  if (author) meta.author = author
  return meta
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined
}
