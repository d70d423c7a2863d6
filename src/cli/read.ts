/**
 * Reading input files for the CLI, with one clear error per bad file: a
 * missing or unreadable file, a folder where a file was asked, UTF-16 or
 * UTF-32 text (told by its byte order mark, and how to convert it), binary
 * content, invalid UTF-8, or a file over the size limit.
 */
import fs from 'node:fs/promises'
import {VFile} from 'vfile'
import {printable} from './printable.ts'

/** Default largest file analysed, in bytes. */
export const defaultMaxSize = 10 * 1024 * 1024

/** A file that cannot be read, with a one-line reason. */
export class InputError extends Error {
  override name = 'InputError'
}

/**
 * Read a Markdown file into a vfile.
 *
 * @param path
 *   File path.
 * @param maxSize
 *   Largest size in bytes.
 * @returns
 *   File.
 * @throws {InputError}
 *   When the file cannot be used.
 */
export async function readMarkdown(path: string, maxSize = defaultMaxSize): Promise<VFile> {
  let stat
  try {
    stat = await fs.stat(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new InputError(
      code === 'ENOENT' ? `${printable(path)}: no such file` : `${printable(path)}: cannot read (${code ?? String(error)})`
    )
  }

  if (stat.isDirectory()) {
    throw new InputError(`${printable(path)}: is a folder, expected a Markdown file (\`newsmark check\` takes folders)`)
  }

  if (!stat.isFile()) {
    throw new InputError(`${printable(path)}: is not a regular file, expected a Markdown file`)
  }

  if (stat.size > maxSize) {
    throw new InputError(
      `${printable(path)}: ${(stat.size / 1048576).toFixed(1)} MB is over the ${(maxSize / 1048576).toFixed(0)} MB limit (raise it with --max-size)`
    )
  }

  let buffer
  try {
    buffer = await fs.readFile(path)
  } catch (error) {
    throw new InputError(`${printable(path)}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }

  // Before the NUL check: UTF-16 text is full of NUL bytes, but not binary.
  const encoding = unicodeEncoding(buffer)
  if (encoding) {
    throw new InputError(
      `${path}: is ${encoding} text (byte order mark), expected UTF-8: convert it, for example with \`iconv -f ${encoding} -t UTF-8\``
    )
  }

  const nul = buffer.subarray(0, 8192).indexOf(0)
  if (nul >= 0) {
    throw new InputError(`${printable(path)}: looks binary (NUL byte at offset ${nul}), expected Markdown text`)
  }

  let value: string
  try {
    value = new TextDecoder('utf-8', {fatal: true}).decode(buffer)
  } catch {
    throw new InputError(`${printable(path)}: is not valid UTF-8 text, expected Markdown in UTF-8`)
  }

  return new VFile({path, value: value.replace(/^\uFEFF/, '')})
}

/**
 * The encoding a byte order mark says, other than UTF-8.
 *
 * @param buffer
 *   Start of the file.
 * @returns
 *   `UTF-16LE`, `UTF-16BE`, `UTF-32LE` or `UTF-32BE`, or `undefined`.
 */
function unicodeEncoding(buffer: Uint8Array): string | undefined {
  const [a, b, c, d] = buffer
  if (a === 0xff && b === 0xfe) return c === 0 && d === 0 ? 'UTF-32LE' : 'UTF-16LE'
  if (a === 0xfe && b === 0xff) return 'UTF-16BE'
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return 'UTF-32BE'
  return undefined
}
