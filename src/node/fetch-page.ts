/**
 * Fetch a web page to import, and read a saved one: only `http:` and
 * `https:` addresses, redirects followed by hand (at most `maxRedirects`,
 * never to another scheme, a loop named as such), one time limit for the
 * whole exchange, a size limit checked on `Content-Length` and again while
 * reading, HTML only (`text/html`, `application/xhtml+xml`, or no type and
 * a body that starts like HTML), decoded in the charset the header or the
 * page's `<meta>` gives. Every failure is an `ImportError` with one line
 * for the reader.
 */
import fs from 'node:fs/promises'
import {ImportError} from '../core/import/errors.ts'

/** Configuration of {@link fetchPage}. */
export interface FetchPageOptions {
  /** Milliseconds for the whole exchange, redirects included (default: 30 000). */
  readonly timeout?: number | undefined
  /** Largest page, in bytes (default: 10 MiB). */
  readonly maxBytes?: number | undefined
  /** Most redirects followed (default: 10). */
  readonly maxRedirects?: number | undefined
  /** The fetch to use (default: Node's; a proxied one: `proxiedFetch`). */
  readonly fetch?: ((url: string, init: RequestInit) => Promise<Response>) | undefined
  /** Stops the request (the editor's Cancel). */
  readonly signal?: AbortSignal | undefined
}

/** A page fetched. */
export interface FetchedPage {
  /** Its address after redirects. */
  url: string
  /** Its HTML. */
  html: string
  /** Addresses it was redirected from, in order. */
  redirects: string[]
}

/** Default time limit, in milliseconds. */
export const defaultTimeout = 30_000
/** Default size limit, in bytes. */
export const defaultMaxBytes = 10 * 1024 * 1024
/** Default redirect limit. */
export const defaultMaxRedirects = 10

const userAgent = 'Mozilla/5.0 (compatible; Newsmark article import)'
const htmlTypes = /^(?:text\/html|application\/xhtml\+xml)$/i

/**
 * Check an address the reader gave.
 *
 * @param value
 *   Address.
 * @returns
 *   It, parsed.
 * @throws {ImportError}
 *   `bad-url` when it is not an absolute `http:` or `https:` URL.
 */
export function pageUrl(value: string): URL {
  let url: URL
  try {
    url = new URL(value.trim())
  } catch (error) {
    throw new ImportError('bad-url', `${value}: not a URL (expected an http: or https: address)`, {cause: error})
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ImportError('bad-url', `${value}: only http: and https: addresses can be imported, not ${url.protocol}`)
  }
  return url
}

/**
 * Fetch a page.
 *
 * @param address
 *   `http:` or `https:` address.
 * @param options
 *   Configuration.
 * @returns
 *   The page.
 * @throws {ImportError}
 *   `bad-url`, `network`, `timeout`, `http`, `redirects`, `redirect-loop`,
 *   `too-large` or `not-html`.
 */
export async function fetchPage(address: string, options: Readonly<FetchPageOptions> = {}): Promise<FetchedPage> {
  const timeout = options.timeout ?? defaultTimeout
  const maxBytes = options.maxBytes ?? defaultMaxBytes
  const maxRedirects = options.maxRedirects ?? defaultMaxRedirects
  const request = options.fetch ?? ((url: string, init: RequestInit) => fetch(url, init))
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(new ImportError('timeout', `${address}: no complete answer within ${seconds(timeout)}`)), timeout)
  const cancel = () => controller.abort(options.signal?.reason)
  options.signal?.addEventListener('abort', cancel, {once: true})
  if (options.signal?.aborted) cancel()
  const fail = (error: unknown): never => {
    const reason: unknown = controller.signal.aborted ? controller.signal.reason : undefined
    if (reason instanceof ImportError) throw reason
    if (controller.signal.aborted && options.signal?.aborted) throw reason ?? error
    if (error instanceof ImportError) throw error
    const cause = (error as {cause?: {code?: string; message?: string}}).cause
    const detail = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))
    throw new ImportError('network', `${address}: could not reach the server (${detail})`, {cause: error})
  }

  try {
    let url = pageUrl(address)
    const redirects: string[] = []
    const seen = new Set([url.href])
    for (;;) {
      const response = await request(url.href, {
        redirect: 'manual',
        signal: controller.signal,
        headers: {accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1', 'user-agent': userAgent}
      }).catch(fail)

      if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
        await response.body?.cancel().catch(() => undefined)
        const location = response.headers.get('location')!
        let next: URL
        try {
          next = new URL(location, url)
        } catch (error) {
          throw new ImportError('http', `${url.href}: redirects to \`${location}\`, which is no address`, {cause: error})
        }
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          throw new ImportError('bad-url', `${url.href}: redirects to ${next.protocol} (only http: and https: are followed)`)
        }
        if (seen.has(next.href)) {
          throw new ImportError('redirect-loop', `${address}: redirect loop (${[...redirects, url.href, next.href].join(' → ')})`)
        }
        if (redirects.length >= maxRedirects) {
          throw new ImportError('redirects', `${address}: more than ${maxRedirects} redirects (last: ${next.href})`)
        }
        redirects.push(url.href)
        seen.add(next.href)
        url = next
        continue
      }

      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined)
        throw new ImportError('http', `${url.href}: the server answered HTTP ${response.status}${response.statusText ? ' ' + response.statusText : ''}`)
      }

      const contentType = response.headers.get('content-type') ?? ''
      const mime = contentType.split(';')[0]!.trim()
      if (mime && !htmlTypes.test(mime)) {
        await response.body?.cancel().catch(() => undefined)
        throw new ImportError('not-html', `${url.href}: is ${mime}, not a web page (only HTML can be imported)`)
      }
      const length = Number(response.headers.get('content-length'))
      if (length > maxBytes) {
        await response.body?.cancel().catch(() => undefined)
        throw new ImportError('too-large', `${url.href}: ${megabytes(length)} is over the ${megabytes(maxBytes)} limit`)
      }

      const bytes = await readBody(response, maxBytes, url.href).catch(fail)
      if (!mime && !looksLikeHtml(bytes)) throw new ImportError('not-html', `${url.href}: has no content type and does not look like HTML`)
      return {url: url.href, html: decodeHtml(bytes, contentType), redirects}
    }
  } catch (error) {
    return fail(error)
  } finally {
    clearTimeout(timer)
    options.signal?.removeEventListener('abort', cancel)
  }
}

/**
 * Read a saved web page (`.html`).
 *
 * @param path
 *   File path.
 * @param maxBytes
 *   Largest size (default: 10 MiB).
 * @returns
 *   Its HTML, decoded as its `<meta charset>` says (default: UTF-8).
 * @throws {ImportError}
 *   `too-large` or `not-html`; file errors (`ENOENT`…) as they are.
 */
export async function readPageFile(path: string, maxBytes = defaultMaxBytes): Promise<string> {
  const stat = await fs.stat(path)
  if (stat.isDirectory()) throw new ImportError('not-html', `${path}: is a folder, expected a saved web page (.html)`)
  if (stat.size > maxBytes) throw new ImportError('too-large', `${path}: ${megabytes(stat.size)} is over the ${megabytes(maxBytes)} limit`)
  const bytes = new Uint8Array(await fs.readFile(path))
  if (!looksLikeHtml(bytes)) throw new ImportError('not-html', `${path}: does not look like a web page (expected HTML)`)
  return decodeHtml(bytes, '')
}

async function readBody(response: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array()
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = response.body.getReader()
  for (;;) {
    const {done, value} = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined)
      throw new ImportError('too-large', `${url}: the page is over the ${megabytes(maxBytes)} limit`)
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

/**
 * Decode a page: the charset of the `Content-Type` header, else of its
 * byte order mark, else of a `<meta>` in its first 2 KiB, else UTF-8; an
 * unknown charset is read as UTF-8.
 *
 * @param bytes
 *   Page.
 * @param contentType
 *   `Content-Type` header (empty for a file).
 * @returns
 *   Text.
 */
export function decodeHtml(bytes: Uint8Array, contentType: string): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048))
  const label =
    /;\s*charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1] ??
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'utf-8' : undefined) ??
    (bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined) ??
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1]
  try {
    return new TextDecoder(label ?? 'utf-8').decode(bytes)
  } catch {
    // An unknown label.
    return new TextDecoder('utf-8').decode(bytes)
  }
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).replace(/^\uFEFF|^(?:\xEF\xBB\xBF|\xFF\xFE|\xFE\xFF)/, '').replace(/\0/g, '')
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|div|p)\b/i.test(head)
}

function megabytes(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1).replace(/\.0$/, '')} MB`
}

function seconds(milliseconds: number): string {
  return `${+(milliseconds / 1000).toFixed(1)} s`
}
