/**
 * The rule documentation shipped in the extension (`docs/rules.md`, kept
 * in the `.vsix` by `.vscodeignore`): where each rule's section starts, so
 * that a diagnostic's code links there rather than to a web page.
 *
 * The link is a plain `vscode.Uri` to the file with a `#L<line>` fragment:
 * VS Code's opener (Problems panel, hover) opens the file at that line in
 * any host, desktop, remote or code-server. (`command:` links are not run
 * from a diagnostic's code, and the Markdown preview ignores fragments.)
 */
import * as vscode from 'vscode'
import {readText} from './files.ts'
import type {Log} from './log.ts'

/** Ids documented in a section of another name. */
const sections: Readonly<Record<string, string>> = {'newsmark-comment': 'Inline comments'}

/** Where the rules are documented, section by section. */
export class RuleDocs implements vscode.Disposable {
  readonly #file: vscode.Uri
  readonly #log: Log
  #lines: ReadonlyMap<string, number> | undefined
  #loading: Promise<void> | undefined
  readonly #onDidLoad = new vscode.EventEmitter<void>()

  /** Fires once the sections are known. */
  readonly onDidLoad = this.#onDidLoad.event

  /**
   * @param extensionUri
   *   The extension's folder.
   * @param log
   *   Where a missing file is reported.
   */
  constructor(extensionUri: vscode.Uri, log: Log) {
    this.#file = vscode.Uri.joinPath(extensionUri, 'docs', 'rules.md')
    this.#log = log
  }

  /** The documentation file. */
  get file(): vscode.Uri {
    return this.#file
  }

  /**
   * Where a rule is documented. The first call starts reading the file;
   * until it is read, `undefined` (then `onDidLoad` fires).
   * @param ruleId
   *   The rule.
   * @returns
   *   The file at the rule's heading (at its top for an id without a
   *   section), or `undefined` until the file is read.
   */
  target(ruleId: string): vscode.Uri | undefined {
    if (!this.#lines) {
      this.preload()
      return undefined
    }
    const line = this.#lines.get(sections[ruleId] ?? ruleId)
    return line === undefined ? this.#file : this.#file.with({fragment: `L${line + 1}`})
  }

  /** Start reading the file in the background (activation does not wait). */
  preload(): void {
    this.#loading ??= this.#load()
  }

  dispose(): void {
    this.#onDidLoad.dispose()
  }

  async #load(): Promise<void> {
    const lines = new Map<string, number>()
    try {
      const text = (await readText(this.#file)) ?? ''
      for (const [index, line] of text.split(/\r?\n/).entries()) {
        const heading = /^## `?([a-z][a-z-]*)`?\s*$/.exec(line) ?? /^#{2,3} (Inline comments)\s*$/.exec(line)
        if (heading) lines.set(heading[1]!, index)
      }
      if (lines.size === 0) this.#log.info(`No rule sections in ${this.#file.toString(true)}: diagnostics link to the web instead`)
    } catch (error) {
      this.#log.info(`Could not read ${this.#file.toString(true)}: ${error instanceof Error ? error.message : String(error)}`)
    }
    this.#lines = lines
    this.#onDidLoad.fire()
  }
}
