/**
 * The hover provider for Markdown: the language service's hover
 * (`src/service/hover.ts`) as a `vscode.Hover`, with codicons and links
 * that reveal a range.
 */
import * as vscode from 'vscode'
import {hoverAt} from '../service/hover.ts'
import type {Analysis, Analyzer, Core} from './analyzer.ts'
import {getConfig} from './config.ts'
import {toRange} from './convert.ts'
import {guard, type Log} from './log.ts'

export {entityAt} from '../service/hover.ts'

/**
 * Register the hover provider for Markdown.
 * @param analyzer
 *   The shared analysis.
 * @param log
 *   Where failures go.
 * @returns
 *   The registration.
 */
export function registerHover(analyzer: Analyzer, log: Log): vscode.Disposable {
  const hover = new NewsmarkHover(analyzer)
  return vscode.languages.registerHoverProvider({language: 'markdown'}, {
    provideHover: guard(log, 'provider', 'show a hover', (document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken) =>
      hover.provideHover(document, position, token)
    )
  })
}

/** The hover provider (exported for the measurement script). */
export class NewsmarkHover implements vscode.HoverProvider {
  readonly #analyzer: Analyzer

  constructor(analyzer: Analyzer) {
    this.#analyzer = analyzer
  }

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    if (!getConfig(document).hover) return undefined
    const analysis = this.#analyzer.peek(document) ?? (await this.#analyzer.get(document))
    if (!analysis || token.isCancellationRequested) return undefined
    return hoverFor(document, analysis, document.offsetAt(position), await this.#analyzer.core())
  }
}

/**
 * The hover at an offset, from an analysis.
 * @param document
 *   The document analysed.
 * @param analysis
 *   Its tags (reviewed) and annotations.
 * @param offset
 *   UTF-16 offset.
 * @param core
 *   The core (country facts).
 * @returns
 *   The hover, if a tag or an annotation is there.
 */
export function hoverFor(document: vscode.TextDocument, analysis: Pick<Analysis, 'result' | 'review'>, offset: number, core: Pick<Core, 'countryFacts'>): vscode.Hover | undefined {
  const hover = hoverAt(document, analysis, offset, {
    icons: true,
    countryFacts: core.countryFacts,
    reveal: (start, end, label) => revealLink(document, start, end, label)
  })
  if (!hover) return undefined
  return new vscode.Hover(hover.sections.map(markdown), toRange(document, hover.start, hover.end))
}

function revealLink(document: vscode.TextDocument, start: number, end: number, label: string): string {
  const range = toRange(document, start, end)
  const args = [document.uri.toString(), [range.start.line, range.start.character, range.end.line, range.end.character]]
  return `[${label}](command:newsmark.reveal?${encodeURIComponent(JSON.stringify(args))} "Reveal")`
}

function markdown(value: string): vscode.MarkdownString {
  const result = new vscode.MarkdownString(value, true)
  result.isTrusted = {enabledCommands: ['newsmark.reveal']}
  return result
}
