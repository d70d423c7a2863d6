/**
 * UTF-16 offsets to and from zero-based lines and characters, the way LSP
 * and VS Code count them (`\n`, `\r\n` and a lone `\r` end a line).
 */

/** A zero-based line and UTF-16 character, as in LSP. */
export interface Position {
  readonly line: number
  readonly character: number
}

/** Something that turns positions into offsets: a {@link LineIndex}, or an editor's document adapted. */
export interface Offsets {
  offsetAt(position: Position): number
}

/** Offsets to positions and back, for one text. */
export class LineIndex {
  readonly #starts: number[] = [0]
  readonly #text: string
  readonly #length: number

  /**
   * @param text
   *   The whole text.
   */
  constructor(text: string) {
    this.#text = text
    this.#length = text.length
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index)
      if (code === 10 /* \n */ || (code === 13 /* \r */ && text.charCodeAt(index + 1) !== 10)) {
        this.#starts.push(index + 1)
      }
    }
  }

  /**
   * @param offset
   *   UTF-16 offset (clamped to the text).
   * @returns
   *   Its position.
   */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.#length))
    let low = 0
    let high = this.#starts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (this.#starts[middle]! <= clamped) low = middle
      else high = middle - 1
    }
    return {line: low, character: clamped - this.#starts[low]!}
  }

  /**
   * @param position
   *   A position (a line past the end is the end; a character past the
   *   line's end, the line's end).
   * @returns
   *   Its UTF-16 offset.
   */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0
    if (position.line >= this.#starts.length) return this.#length
    const start = this.#starts[position.line]!
    let end = position.line + 1 < this.#starts.length ? this.#starts[position.line + 1]! : this.#length
    // Not past the line break.
    if (end > start && this.#text.charCodeAt(end - 1) === 10) end--
    if (end > start && this.#text.charCodeAt(end - 1) === 13) end--
    return Math.min(start + Math.max(0, position.character), end)
  }
}
