/**
 * Commands that annotate the article in the active editor:
 *
 * - **Tag as Person / Organisation / Place / Other Entity / Date / Claim**:
 *   the selection (or the tag under the cursor, to re-type it);
 * - **Reject Tag**: the tag under the cursor is not an entity (a date, a
 *   claim), in this article or in the whole workspace;
 * - **Merge Entity Into…**: the entity under the cursor is another one;
 * - **Set Verdict…**: a verdict on the claim under the cursor (or the
 *   selected words), with an optional source URL and note;
 * - **Remove Annotation**: the reader's annotation under the cursor, or an
 *   orphan from the sidebar.
 *
 * Tags and verdicts go where `newsmark.annotations.storage` says: the
 * sidecar (the article is untouched) or inline directives (an edit of the
 * article). Rejections and merges have no directive and always go to the
 * sidecar. Every command also takes its answers as an argument (for
 * keybindings and tests), e.g. `{verdict: 'false', source: 'https://…'}`.
 */
import * as vscode from 'vscode'
import type {Annotation, ReviewedClaim, ReviewedEntity, TagType, Verdict} from '../core/index.ts'
import type {Analysis, Analyzer, Core} from './analyzer.ts'
import type {AnnotationStore} from './annotation-store.ts'
import {getConfig} from './config.ts'
import {applyTextEdit, directiveEdit, unwrapEdit} from './directive-edit.ts'
import {basename} from './files.ts'
import {entityAt} from './hover.ts'
import {entityTypeName, plural, truncate, verdictDescriptions, verdictName, verdictOf} from './labels.ts'
import type {Log} from './log.ts'
import type {TagNode} from './tag-tree.ts'

/** Answers a command can be given instead of asking. */
export interface AnnotateOptions {
  /** Role of a person or organisation (tag). */
  readonly role?: string
  /** TimeML value of a date (tag). */
  readonly value?: string
  /** A note (tag, verdict). */
  readonly note?: string
  /** Where a rejection applies. */
  readonly scope?: 'article' | 'workspace'
  /** The verdict. */
  readonly verdict?: Verdict
  /** URL of the evidence (verdict). */
  readonly source?: string
  /** Name of the entity to merge into. */
  readonly into?: string
  /** Id of the annotation to remove. */
  readonly id?: string
}

/** Tag commands and the type each gives. */
export const tagCommands: Readonly<Record<string, TagType>> = {
  'newsmark.tagPerson': 'PER',
  'newsmark.tagOrganization': 'ORG',
  'newsmark.tagPlace': 'LOC',
  'newsmark.tagOther': 'MISC',
  'newsmark.tagDate': 'DATE',
  'newsmark.tagClaim': 'CLAIM'
}

/** The article a command works on. */
interface Target {
  readonly editor: vscode.TextEditor
  readonly document: vscode.TextDocument
  readonly analysis: Analysis
  readonly core: Core
  readonly source: string
  /** The primary selection, as offsets. */
  readonly start: number
  readonly end: number
}

/** A command was given up: nothing to tell the reader. */
class Cancelled extends Error {}

/**
 * Register the annotation commands.
 * @param analyzer
 *   The shared analysis.
 * @param store
 *   The annotations.
 * @param log
 *   The log.
 * @returns
 *   The registrations.
 */
export function registerAnnotationCommands(analyzer: Analyzer, store: AnnotationStore, log: Log): vscode.Disposable {
  const commands = new Annotate(analyzer, store)
  const register = (id: string, run: (arg: unknown) => Promise<void>) =>
    vscode.commands.registerCommand(id, async (arg: unknown) => {
      try {
        await run(arg)
      } catch (error) {
        if (error instanceof Cancelled) return
        const message = error instanceof Error ? error.message : String(error)
        log.info(`${id}: ${message}`)
        void vscode.window.showErrorMessage(`Newsmark: ${message}`)
      }
    })
  return vscode.Disposable.from(
    ...Object.entries(tagCommands).map(([id, type]) => register(id, (arg) => commands.tag(type, options(arg)))),
    register('newsmark.rejectTag', (arg) => commands.reject(options(arg))),
    register('newsmark.mergeEntity', (arg) => commands.merge(options(arg))),
    register('newsmark.setVerdict', (arg) => commands.verdict(options(arg), node(arg))),
    register('newsmark.removeAnnotation', (arg) => commands.remove(options(arg), node(arg)))
  )
}

class Annotate {
  readonly #analyzer: Analyzer
  readonly #store: AnnotationStore

  constructor(analyzer: Analyzer, store: AnnotationStore) {
    this.#analyzer = analyzer
    this.#store = store
  }

  async tag(type: TagType, given: AnnotateOptions | undefined): Promise<void> {
    const target = await this.#target()
    const {core, source, analysis} = target
    let {start, end} = target
    if (start === end) {
      const at = tagAt(analysis, start)
      if (!at) throw new Error(`Select the words to tag as ${typeName(type)}.`)
      ;({start, end} = at)
    }
    const details = given ?? (await askDetails(type, analysis, start, end))
    const creator = this.#creator(target.document)
    if (getConfig(target.document).storage === 'inline') {
      await this.#edit(target, directiveEdit(core, source, {start, end}, {type, ...details}))
    } else {
      const made = core.tagSelection(source, {start, end}, type, {...details, creator})
      await this.#modify(target, (current) => [...current.filter((item) => !(item.kind === 'tag' && sameSpan(item, made))), made])
    }
    done(`tagged “${truncate(source.slice(start, end), 40)}” as ${typeName(type)}`)
  }

  async reject(given: AnnotateOptions | undefined): Promise<void> {
    const target = await this.#target()
    const {core, source, analysis} = target
    let {start, end} = target
    // The selected words, without the white space around them.
    while (start < end && /\s/.test(source.charAt(start))) start++
    while (end > start && /\s/.test(source.charAt(end - 1))) end--
    const at = start === end ? tagAt(analysis, start) : tagAt(analysis, start, end)
    if (start === end && !at) throw new Error('Put the cursor on a tag, or select its words, to reject it.')
    if (at?.human) throw new Error(`“${truncate(source.slice(at.start, at.end), 40)}” was tagged by hand: use Newsmark: Remove Annotation.`)
    const range = at ?? {start, end}
    const what = at ? `not ${article(typeName(at.type, true))}` : 'not a tag'
    const scope =
      given?.scope ??
      (await pick([
        {label: `$(file) ${capitalize(what)} in this article`, scope: 'article' as const},
        {label: `$(folder) ${capitalize(what)} anywhere in the workspace`, scope: 'workspace' as const}
      ], `Reject “${truncate(source.slice(range.start, range.end), 50)}”`)).scope
    const made = core.rejectTag(source, range, {...(at ? {type: at.type} : {}), scope, creator: this.#creator(target.document)})
    await this.#modify(target, (current) => [...current, made])
    done(`“${truncate(made.target.exact, 40)}” is ${what}${scope === 'workspace' ? ' in the workspace' : ''}`)
  }

  async merge(given: AnnotateOptions | undefined): Promise<void> {
    const target = await this.#target()
    const {core, source, analysis, start} = target
    const hit = entityAt(analysis.result, start)
    if (!hit) throw new Error('Put the cursor on a mention of the entity to merge.')
    const others = analysis.result.entities.filter((entity) => entity !== hit.entity && entity.mentions.length > 0)
    const into = given?.into
      ? others.find((entity) => entity.name === given.into)
      : (
          await pick(
            [...others]
              .sort((a, b) => b.mentions.length - a.mentions.length)
              .map((entity) => ({label: entity.name, description: `${entityTypeName(entity.type)} · ${plural(entity.mentions.length, 'mention')}${entity.role ? ` · ${entity.role}` : ''}`, entity})),
            `Merge “${hit.entity.name}” into…`
          )
        ).entity
    if (!into) throw new Error(`No other entity named “${given?.into ?? ''}” in this article.`)
    const made = core.mergeEntities(source, hit.mention, into.mentions[0]!, {creator: this.#creator(target.document)})
    await this.#modify(target, (current) => [...current, made])
    done(`“${hit.entity.name}” merged into “${into.name}”`)
  }

  async verdict(given: AnnotateOptions | undefined, node: TagNode | undefined): Promise<void> {
    const target = await this.#target()
    const {core, source, analysis} = target
    let range: {start: number; end: number} | undefined
    let claim: ReviewedClaim | undefined
    if (node?.kind === 'claim') {
      claim = node.claim as ReviewedClaim
    } else if (target.start !== target.end) {
      range = {start: target.start, end: target.end}
    } else {
      claim = shortest(analysis.result.claims.filter((item) => item.start <= target.start && target.start < item.end))
      if (!claim) throw new Error('Put the cursor on a claim, or select the words to check.')
    }
    const previous = claim ? verdictOf(claim) : undefined
    range ??= previous ?? claim!
    const quote = truncate(source.slice(range.start, range.end), 60)
    const verdict =
      given?.verdict ??
      (
        await pick(
          core.verdicts.map((item) => ({label: verdictName(item), description: verdictDescriptions[item], picked: item === previous?.verdict, verdict: item})),
          `Verdict on “${quote}”`
        )
      ).verdict
    const url = given ? given.source : await ask('Source: a URL of the evidence (optional)', previous?.source, (value) => (!value || core.isUrl(value) ? undefined : 'Expected an http(s) URL, or nothing'))
    const note = given ? given.note : await ask('Note (optional)', previous?.note)
    const creator = this.#creator(target.document)
    const inline = analysis.review.anchored.find((item) => item.annotation.id === previous?.annotation)?.annotation.inline
    if (getConfig(target.document).storage === 'inline' || inline) {
      await this.#edit(target, directiveEdit(core, source, range, {type: 'CLAIM', verdict, source: url, note}))
    } else {
      await this.#modify(target, (current) => core.setVerdict(current, source, range, verdict, {source: url, note, creator}))
    }
    done(`verdict “${verdictName(verdict)}” on “${quote}”`)
  }

  async remove(given: AnnotateOptions | undefined, node: TagNode | undefined): Promise<void> {
    const target = await this.#target()
    const {core, source, analysis, start, end} = target
    let candidates: Annotation[]
    if (node?.kind === 'orphan') candidates = [node.orphan.annotation]
    else if (given?.id) candidates = [...analysis.review.anchored.map((item) => item.annotation), ...analysis.review.orphans.map((item) => item.annotation)].filter((item) => item.id === given.id)
    else {
      candidates = analysis.review.anchored
        .map((item) => item.annotation)
        .filter((item) => (start === end ? item.target.start <= start && start <= item.target.end : item.target.start < end && start < item.target.end))
    }
    if (candidates.length === 0) throw new Error('No annotation of yours here: put the cursor on words you tagged, rejected, merged or gave a verdict.')
    const annotation =
      candidates.length === 1
        ? candidates[0]!
        : (await pick(candidates.map((item) => ({label: describe(item), description: `“${truncate(item.target.exact, 50)}”`, item})), 'Remove which annotation?')).item
    if (annotation.inline) {
      const edit = unwrapEdit(core, source, annotation.target)
      if (!edit) throw new Error('The directive was not found in the current text.')
      await this.#edit(target, edit)
    } else {
      await this.#modify(target, (current) => core.removeAnnotation(current, annotation.id))
    }
    done(`removed the ${describe(annotation)} on “${truncate(annotation.target.exact, 40)}”`)
  }

  /** The active Markdown editor, its analysis and selection. */
  async #target(): Promise<Target> {
    const editor = vscode.window.activeTextEditor
    if (!editor || editor.document.languageId !== 'markdown') throw new Error('Open a Markdown article first.')
    const {document} = editor
    const analysis = await this.#analyzer.get(document)
    if (!analysis || analysis.skipped) throw new Error(`${basename(document.uri)} is not analysed${analysis?.skipped ? `: ${analysis.skipped.reason}` : ''}.`)
    const core = await this.#analyzer.core()
    const {selection} = editor
    return {editor, document, analysis, core, source: document.getText(), start: document.offsetAt(selection.start), end: document.offsetAt(selection.end)}
  }

  async #modify(target: Target, change: (current: Annotation[], core: Core) => Annotation[]): Promise<void> {
    const {backup} = await this.#store.modify(target.document.uri, target.source, change)
    if (backup) {
      void vscode.window.showWarningMessage(
        `Newsmark: the annotation sidecar was broken or edited by hand; its previous content is kept as ${basename(backup)}.`
      )
    }
  }

  async #edit(target: Target, edit: {start: number; end: number; newText: string}): Promise<void> {
    if (target.document.version !== target.analysis.version || target.document.getText() !== target.source) {
      throw new Error('The article changed meanwhile; try again.')
    }
    if (!(await applyTextEdit(target.document, edit))) throw new Error('The article could not be edited.')
  }

  #creator(document: vscode.TextDocument): {type: 'Person'; name: string} | undefined {
    const name = getConfig(document).creator
    return name ? {type: 'Person', name} : undefined
  }
}

/** The tag at an offset (or with exactly the given span): entity mention first, then date, then claim. */
function tagAt(analysis: Analysis, start: number, end?: number): {start: number; end: number; type: TagType; human: boolean} | undefined {
  const {result} = analysis
  const fits = (span: {start: number; end: number}) => (end === undefined ? span.start <= start && start < span.end : span.start === start && span.end === end)
  const hit = end === undefined ? entityAt(result, start) : undefined
  if (hit) return {start: hit.mention.start, end: hit.mention.end, type: hit.entity.type, human: (hit.entity as ReviewedEntity).origin === 'human'}
  for (const entity of end === undefined ? [] : result.entities) {
    const mention = entity.mentions.find(fits)
    if (mention) return {start: mention.start, end: mention.end, type: entity.type, human: entity.origin === 'human'}
  }
  const date = result.dates.find(fits)
  if (date) return {start: date.start, end: date.end, type: 'DATE', human: date.origin === 'human'}
  const claim = shortest(result.claims.filter(fits))
  if (claim) return {start: claim.start, end: claim.end, type: 'CLAIM', human: claim.origin === 'human'}
  return undefined
}

/** Ask for the role of a person or organisation, or the value of a date. */
async function askDetails(type: TagType, analysis: Analysis, start: number, end: number): Promise<{role?: string; value?: string}> {
  const overlaps = (span: {start: number; end: number}) => span.start < end && start < span.end
  if (type === 'PER' || type === 'ORG') {
    const known = analysis.result.entities.find((entity) => entity.role && entity.mentions.some(overlaps))?.role
    const role = await ask(`Role of the ${typeName(type).toLowerCase()} (optional), e.g. “Deputy Defense Minister”`, known)
    return role ? {role} : {}
  }
  if (type === 'DATE') {
    const known = analysis.result.dates.find(overlaps)?.value
    const value = await ask('Date as TimeML (optional), e.g. 2026-02-20, 2026-W02, PT48H', known)
    return value ? {value} : {}
  }
  return {}
}

async function pick<T extends vscode.QuickPickItem>(items: readonly T[], placeHolder: string): Promise<T> {
  const chosen = await vscode.window.showQuickPick(items, {placeHolder, matchOnDescription: true})
  if (!chosen) throw new Cancelled()
  return chosen
}

async function ask(prompt: string, value: string | undefined, validateInput?: (value: string) => string | undefined): Promise<string | undefined> {
  const answer = await vscode.window.showInputBox({prompt, value: value ?? '', ...(validateInput ? {validateInput} : {})})
  if (answer === undefined) throw new Cancelled()
  return answer.trim() || undefined
}

function options(arg: unknown): AnnotateOptions | undefined {
  if (!arg || typeof arg !== 'object' || arg instanceof vscode.Uri || 'kind' in arg) return undefined
  return arg as AnnotateOptions
}

function node(arg: unknown): TagNode | undefined {
  return arg && typeof arg === 'object' && 'kind' in arg ? (arg as TagNode) : undefined
}

function shortest<T extends {start: number; end: number}>(spans: readonly T[]): T | undefined {
  return [...spans].sort((a, b) => a.end - a.start - (b.end - b.start))[0]
}

function sameSpan(a: Annotation, b: Annotation): boolean {
  return a.target.start === b.target.start && a.target.end === b.target.end
}

function typeName(type: TagType, generic = false): string {
  if (type === 'DATE') return 'Date'
  if (type === 'CLAIM') return 'Claim'
  return generic ? 'entity' : type === 'MISC' ? 'Other Entity' : entityTypeName(type)
}

function describe(annotation: Annotation): string {
  switch (annotation.kind) {
    case 'tag':
      return `tag as ${typeName(annotation.type)}`
    case 'reject':
      return `rejection (${annotation.scope})`
    case 'merge':
      return `merge into “${truncate(annotation.into.exact, 30)}”`
    case 'verdict':
      return `verdict “${verdictName(annotation.verdict)}”`
  }
}

function article(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun.toLowerCase()}`
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function done(message: string): void {
  vscode.window.setStatusBarMessage(`$(check) Newsmark: ${message}`, 4000)
}
