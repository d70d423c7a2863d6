/**
 * Why an import failed, as a code the CLI and the editor can act on and a
 * one-line reason for the reader.
 */

/** What went wrong. */
export type ImportErrorCode =
  /** The address is not an `http:` or `https:` URL. */
  | 'bad-url'
  /** The server could not be reached (DNS, refused, TLS, proxy). */
  | 'network'
  /** No complete answer within the time allowed. */
  | 'timeout'
  /** An HTTP error status (4xx, 5xx). */
  | 'http'
  /** More redirects than allowed. */
  | 'redirects'
  /** A redirect back to an address already visited. */
  | 'redirect-loop'
  /** The page (or file) is over the size limit. */
  | 'too-large'
  /** The answer is not HTML (a PDF, JSON, an image…). */
  | 'not-html'
  /** The page has no article text Readability can find, or too little. */
  | 'no-article'
  /** The page shows only the start of a paywalled article. */
  | 'paywall'

/** An import that cannot go on, with a reason worth showing as is. */
export class ImportError extends Error {
  override name = 'ImportError'
  /** What went wrong. */
  readonly code: ImportErrorCode

  /**
   * @param code
   *   What went wrong.
   * @param message
   *   One line for the reader.
   * @param options
   *   The original error, if any, as `cause`.
   */
  constructor(code: ImportErrorCode, message: string, options?: {cause?: unknown}) {
    super(message, options)
    this.code = code
  }
}
