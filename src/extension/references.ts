/**
 * Find All References (Shift+F12) on an entity: its mentions in this article
 * and in the other Markdown files of the workspace (read through
 * `workspace.fs`, so virtual workspaces work; open files use their cached
 * analysis). An entity in another file matches when it has the same type and
 * shares a name with this one (canonical name or a non-pronoun mention).
 */
import * as vscode from 'vscode'
import type {Entity} from '../core/index.ts'
import type {Analyzer} from './analyzer.ts'
import {getConfig} from './config.ts'
import {LineIndex, spanRange, type PositionSource} from './convert.ts'
import {entityAt} from './hover.ts'
import {guard, type Log} from './log.ts'

/** Most files searched for one request. */
const maxFiles = 500
/** Folders that hold no articles. */
const exclude = '{**/node_modules/**,**/.git/**,**/.vscode-host/**,**/dist/**,**/out/**}'

/**
 * Register the reference provider for Markdown.
 * @param analyzer
 *   The shared analysis.
 * @param log
 *   Where unreadable files are reported.
 * @returns
 *   The registration.
 */
export function registerReferences(analyzer: Analyzer, log: Log): vscode.Disposable {
  return vscode.languages.registerReferenceProvider(
    {language: 'markdown'},
    {
      provideReferences: guard(log, 'provider', 'find references', async (document: vscode.TextDocument, position: vscode.Position, _context: vscode.ReferenceContext, token: vscode.CancellationToken) => {
        const analysis = await analyzer.get(document)
        if (!analysis || token.isCancellationRequested) return []
        const hit = entityAt(analysis.result, document.offsetAt(position))
        if (!hit) return []
        const locations = hit.entity.mentions.map((mention) => new vscode.Location(document.uri, spanRange(document, mention)))
        if (!getConfig(document).referencesInWorkspace) return locations
        const names = namesOf(hit.entity)
        const files = await vscode.workspace.findFiles('**/*.{md,markdown}', exclude, maxFiles, token)
        for (const uri of files) {
          if (token.isCancellationRequested) break
          if (uri.toString() === document.uri.toString()) continue
          try {
            for (const location of await mentionsIn(analyzer, uri, hit.entity, names)) locations.push(location)
          } catch (error) {
            // One unreadable file (deleted meanwhile, …) does not stop the search.
            log.info(`Could not search ${uri.toString(true)} for references: ${error instanceof Error ? error.message : String(error)}`)
          }
        }
        return locations
      })
    }
  )
}

/** Mentions of a matching entity in another file. */
async function mentionsIn(analyzer: Analyzer, uri: vscode.Uri, entity: Entity, names: ReadonlySet<string>): Promise<vscode.Location[]> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString())
  let entities: readonly Entity[]
  let positions: PositionSource
  if (open) {
    const analysis = await analyzer.get(open)
    if (!analysis) return []
    entities = analysis.result.entities
    positions = open
  } else {
    // Not read at all when too large to be analysed (a UTF-16 unit takes at
    // most 3 UTF-8 bytes).
    const {size} = await vscode.workspace.fs.stat(uri)
    if (size > 3 * getConfig(uri).maxLength) return []
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))
    // Cheap pre-check: skip files that do not contain any of the names.
    const lower = text.toLowerCase()
    if (![...names].some((name) => lower.includes(name))) return []
    entities = (await analyzer.analyzeText(text, uri)).result.entities
    positions = new LineIndex(text)
  }
  const locations: vscode.Location[] = []
  for (const other of entities) {
    if (other.type !== entity.type || ![...namesOf(other)].some((name) => names.has(name))) continue
    for (const mention of other.mentions) locations.push(new vscode.Location(uri, spanRange(positions, mention)))
  }
  return locations
}

function namesOf(entity: Entity): Set<string> {
  const names = new Set([entity.name.toLowerCase()])
  for (const mention of entity.mentions) {
    if (!mention.pronoun) names.add(mention.text.replace(/[’']s$/u, '').toLowerCase())
  }
  return names
}
