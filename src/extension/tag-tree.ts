/**
 * The sidebar tree (`newsmark.tags`): the Sources quoted (each with its
 * quotes; the sourcing summary in the section's tooltip), Entities grouped by type, the Timeline
 * in chronological order, Claims with speakers, verdicts and status icons,
 * Findings, and the reader's annotations that could not be placed in the
 * current text (Orphaned annotations: never dropped). It follows the active Markdown editor and refreshes whenever its
 * analysis changes (so as the reader types, after the debounce). Clicking an
 * item reveals its text.
 */
import * as vscode from 'vscode'
import type {Annotation, Claim, ClaimToCheck, DateTag, Entity, EntityType, Mention, Orphan, Quote, ReviewedEntity} from '../core/index.ts'
import {sourcesSummary, type Source} from '../core/quotes/sources.ts'
import type {VFileMessage} from 'vfile-message'
import type {Analysis, Analyzer} from './analyzer.ts'
import {getConfig} from './config.ts'
import {defaultSeverity, placeRange, spanRange, toRange} from './convert.ts'
import {claimIcon, claimKindName, entityIcon, entityTypeName, entityTypes, plural, truncate, verdictName, verdictOf} from './labels.ts'
import {guard, type Log} from './log.ts'
import {quoteItem, quoteText, sourceItem, sourcesOfResult} from '../service/sources.ts'
import {chronological, durationInWords} from '../service/timex.ts'

/** A node of the tree. */
export type TagNode =
  | {readonly kind: 'section'; readonly section: 'check' | 'sources' | 'entities' | 'timeline' | 'claims' | 'findings' | 'orphans'; readonly count: number}
  | {readonly kind: 'check'; readonly entry: ClaimToCheck; readonly index: number}
  | {readonly kind: 'source'; readonly source: Source}
  | {readonly kind: 'quote'; readonly source: Source; readonly quote: Quote; readonly index: number}
  | {readonly kind: 'group'; readonly type: EntityType | 'nationality'; readonly entities: readonly Entity[]}
  | {readonly kind: 'entity'; readonly entity: Entity}
  | {readonly kind: 'mention'; readonly entity: Entity; readonly mention: Mention; readonly index: number}
  | {readonly kind: 'date'; readonly date: DateTag; readonly index: number}
  | {readonly kind: 'claim'; readonly claim: Claim; readonly index: number}
  | {readonly kind: 'finding'; readonly message: VFileMessage; readonly index: number}
  | {readonly kind: 'orphan'; readonly orphan: Orphan; readonly index: number}
  | {readonly kind: 'more'; readonly parent: TagNode; readonly from: number; readonly total: number}

/**
 * Children listed at a time: past them, a `… N more` item lists the next
 * ones. VS Code asks again for the children of every expanded item at each
 * refresh (each edit): thousands of dates or claims made each keystroke in
 * a long article cost tens of milliseconds.
 */
const page = 500

/** Milliseconds without another refresh before the tree's items refresh, and at most. */
const refreshDelay = 50
const maxRefreshDelay = 250

const sectionTitles = {check: 'Claims to check', sources: 'Sources', entities: 'Entities', timeline: 'Timeline', claims: 'Claims', findings: 'Findings', orphans: 'Orphaned annotations'} as const
const sectionIcons = {check: 'search', sources: 'quote', entities: 'tag', timeline: 'calendar', claims: 'comment-discussion', findings: 'checklist', orphans: 'debug-disconnect'} as const

/** Data of the sidebar tree, plus the view that shows it. */
export class TagTree implements vscode.TreeDataProvider<TagNode>, vscode.Disposable {
  readonly #analyzer: Analyzer
  readonly #onDidChangeTreeData = new vscode.EventEmitter<TagNode | undefined>()
  readonly #disposables: vscode.Disposable[] = []
  readonly #view: vscode.TreeView<TagNode>
  #document: vscode.TextDocument | undefined
  /** A refresh of the tree's items waiting to go (several in a row make one), since when, and whether forced. */
  #pending: ReturnType<typeof setTimeout> | undefined
  #since = 0
  #force = false
  /** What the items last refreshed showed. */
  #shown: {document?: vscode.TextDocument | undefined; analysis?: Analysis | undefined} = {}

  readonly onDidChangeTreeData = this.#onDidChangeTreeData.event

  /**
   * @param analyzer
   *   The shared analysis.
   * @param log
   *   Where failures go.
   */
  constructor(analyzer: Analyzer, log: Log) {
    this.#analyzer = analyzer
    this.#view = vscode.window.createTreeView('newsmark.tags', {treeDataProvider: this, showCollapseAll: true})
    const follow = guard(log, 'display', 'show the article in the sidebar', (editor: vscode.TextEditor | undefined) => this.#follow(editor))
    const refresh = guard(log, 'display', 'show the article in the sidebar', (force?: boolean) => this.#refresh(force))
    this.#disposables.push(
      this.#view,
      this.#onDidChangeTreeData,
      vscode.window.onDidChangeActiveTextEditor(follow),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document === this.#document) this.#setDocument(undefined)
      }),
      analyzer.onDidChange((uri) => {
        if (this.#document && uri.toString() === this.#document.uri.toString()) refresh()
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('newsmark.diagnostics')) refresh(true)
      })
    )
    follow(vscode.window.activeTextEditor)
  }

  /** The document the tree shows, if any. */
  get document(): vscode.TextDocument | undefined {
    return this.#document
  }

  /** The analysis the tree shows, if any. */
  get analysis(): Analysis | undefined {
    return this.#document ? this.#analyzer.latest(this.#document.uri) : undefined
  }

  getChildren(node?: TagNode): TagNode[] {
    const analysis = this.analysis
    if (!analysis) return []
    const {result} = analysis
    if (!node) {
      const toCheck = result.toCheck?.length ?? 0
      const sections: TagNode[] = [
        // Whatever the preset (`claim-to-check` puts them in Problems too).
        ...(toCheck > 0 ? [{kind: 'section', section: 'check', count: toCheck} as const] : []),
        {kind: 'section', section: 'sources', count: sourcesOfResult(result).length},
        {kind: 'section', section: 'entities', count: result.entities.length},
        {kind: 'section', section: 'timeline', count: result.dates.length},
        {kind: 'section', section: 'claims', count: result.claims.length},
        {kind: 'section', section: 'findings', count: this.#findings(analysis).length}
      ]
      const orphans = analysis.review.orphans.length
      if (orphans > 0) sections.push({kind: 'section', section: 'orphans', count: orphans})
      return sections
    }
    if (node.kind === 'more') return paged(node.parent, this.#all(analysis, node.parent), node.from)
    return paged(node, this.#all(analysis, node), 0)
  }

  /**
   * Every child of a node (`getChildren` lists them a page at a time).
   * @param analysis
   *   The analysis shown.
   * @param node
   *   A node.
   * @returns
   *   Its children.
   */
  #all(analysis: Analysis, node: TagNode): TagNode[] {
    const {result} = analysis
    switch (node.kind) {
      case 'section': {
        if (node.section === 'entities') {
          const groups: TagNode[] = entityTypes
            .map((type) => ({kind: 'group', type, entities: byMentions(result.entities.filter((entity) => entity.type === type))}) as const)
            .filter((group) => group.entities.length > 0)
          // Nationalities and groups of people ("Polish", "Republicans"): apart, last.
          const nationalities = result.nationalities ?? []
          if (nationalities.length > 0) groups.push({kind: 'group', type: 'nationality', entities: byMentions(nationalities)})
          return groups
        }
        if (node.section === 'timeline') {
          return chronological(result.dates, result.referenceDate).map((index) => ({kind: 'date', date: result.dates[index]!, index}))
        }
        if (node.section === 'sources') return sourcesOfResult(result).map((source) => ({kind: 'source', source}))
        if (node.section === 'claims') return result.claims.map((claim, index) => ({kind: 'claim', claim, index}))
        if (node.section === 'orphans') return analysis.review.orphans.map((orphan, index) => ({kind: 'orphan', orphan, index}))
        if (node.section === 'check') return (result.toCheck ?? []).map((entry, index) => ({kind: 'check', entry, index}))
        return this.#findings(analysis).map((message, index) => ({kind: 'finding', message, index}))
      }
      case 'source':
        return node.source.quotes.map((quote, index) => ({kind: 'quote', source: node.source, quote, index}))
      case 'group':
        return node.entities.map((entity) => ({kind: 'entity', entity}))
      case 'entity':
        return node.entity.mentions.map((mention, index) => ({kind: 'mention', entity: node.entity, mention, index}))
      default:
        return []
    }
  }

  getTreeItem(node: TagNode): vscode.TreeItem {
    const document = this.#document
    const {Collapsed, Expanded, None} = vscode.TreeItemCollapsibleState
    switch (node.kind) {
      case 'more': {
        const item = new vscode.TreeItem(`… ${(node.total - node.from).toLocaleString('en-US')} more`, Collapsed)
        item.id = `${this.getTreeItem(node.parent).id}/more/${node.from}`
        return item
      }
      case 'section': {
        const item = new vscode.TreeItem(sectionTitles[node.section], node.count === 0 ? None : node.section === 'findings' ? Collapsed : Expanded)
        if (node.section === 'sources' && this.analysis) item.tooltip = sourcesSummary(sourcesOfResult(this.analysis.result))
        if (node.section === 'orphans') item.tooltip = 'Annotations whose text is no longer in the article: kept in the sidecar, never dropped. Remove them, or restore the text.'
        item.id = node.section
        item.description = String(node.count)
        item.iconPath = new vscode.ThemeIcon(sectionIcons[node.section])
        item.contextValue = `section.${node.section}`
        return item
      }
      case 'source': {
        const {label, description, tooltip, icon} = sourceItem(node.source)
        const item = new vscode.TreeItem(label, Collapsed)
        item.id = `source/${node.source.key}`
        item.description = description
        item.tooltip = tooltip
        item.iconPath = new vscode.ThemeIcon(icon)
        item.contextValue = 'source'
        return item
      }
      case 'quote': {
        const {quote} = node
        const range = document ? toRange(document, quote.start, quote.end) : undefined
        const words = document && range ? quoteText((start, end) => document.getText(toRange(document, start, end)), quote) : ''
        const {label, description} = quoteItem(words, quote)
        const item = new vscode.TreeItem(label, None)
        item.id = `source/${node.source.key}/${node.index}`
        item.description = description
        item.iconPath = new vscode.ThemeIcon(quote.kind === 'indirect' ? 'comment' : 'quote')
        if (document && range) item.command = reveal(document, range)
        return item
      }
      case 'group': {
        const nationalities = node.type === 'nationality'
        // Nationalities fold away: they describe, they are not who or what the article is about.
        const item = new vscode.TreeItem(nationalities ? 'Nationalities and groups' : entityTypeName(node.type, true), nationalities ? Collapsed : Expanded)
        item.id = `group/${node.type}`
        item.description = String(node.entities.length)
        item.iconPath = nationalities ? new vscode.ThemeIcon('globe') : entityIcon(node.type)
        if (nationalities) item.tooltip = 'Nationalities, demonyms and groups of people named in the article (not counted among its entities)'
        return item
      }
      case 'entity': {
        const {entity} = node
        const item = new vscode.TreeItem(entity.name, Collapsed)
        item.id = `entity/${entity.type}/${entity.name}`
        const human = (entity as Partial<ReviewedEntity>).origin === 'human'
        item.description = [entity.role, plural(entity.mentions.length, 'mention'), human ? 'by hand' : ''].filter(Boolean).join(' · ')
        item.tooltip = `${entityTypeName(entity.type)}${entity.role ? ` · ${entity.role}` : ''} · ${plural(entity.mentions.length, 'mention')}`
        item.iconPath = entityIcon(entity.type)
        item.contextValue = 'entity'
        if (document && entity.mentions[0]) item.command = reveal(document, spanRange(document, entity.mentions[0]))
        return item
      }
      case 'mention': {
        const {mention} = node
        const range = document ? spanRange(document, mention) : undefined
        const item = new vscode.TreeItem(mention.text, None)
        item.id = `entity/${node.entity.type}/${node.entity.name}/${node.index}`
        item.description = range ? `line ${range.start.line + 1}${mention.pronoun ? ' · pronoun' : ''}` : false
        item.iconPath = new vscode.ThemeIcon(mention.pronoun ? 'mention' : 'symbol-text')
        if (document && range) item.command = reveal(document, range)
        return item
      }
      case 'date': {
        const {date} = node
        const label = dateLabel(date)
        const text = truncate(date.text, 40)
        const item = new vscode.TreeItem(label, None)
        item.id = `date/${node.index}`
        item.description = text.toLowerCase() === label.toLowerCase() ? false : text
        item.tooltip = `${date.type.toLowerCase()} ${date.value}: “${date.text}”${date.unresolved ? ' (unresolved)' : ''}`
        item.iconPath = new vscode.ThemeIcon(date.type === 'DURATION' || date.type === 'SET' ? 'watch' : date.unresolved ? 'question' : 'calendar')
        if (document) item.command = reveal(document, spanRange(document, date))
        return item
      }
      case 'claim': {
        const {claim} = node
        // The speaker first, so that a narrow sidebar still shows who said it.
        const text = truncate(claim.text, 80)
        const item = new vscode.TreeItem(claim.speaker ? `${claim.speaker.name}: ${text}` : text, None)
        const verdict = verdictOf(claim)
        item.id = `claim/${node.index}`
        item.description = `${verdict ? `${verdictName(verdict.verdict)} · ` : ''}${claimKindName(claim.kind)} · ${claim.score.toFixed(2)}`
        const tooltip = new vscode.MarkdownString(
          `**${claimKindName(claim.kind)}** · check-worthiness ${claim.score.toFixed(2)}\n\n${claim.speaker ? `Speaker: ${claim.speaker.name}` : 'No speaker or source found.'}`
        )
        if (verdict) {
          tooltip.appendMarkdown(`\n\nVerdict: **${verdictName(verdict.verdict)}**`)
          if (verdict.source) tooltip.appendMarkdown('\n\nSource: ').appendText(verdict.source)
          if (verdict.note) tooltip.appendMarkdown('\n\nNote: ').appendText(verdict.note)
        }
        item.tooltip = tooltip
        item.iconPath = claimIcon(claim)
        item.contextValue = 'claim'
        if (document) item.command = reveal(document, spanRange(document, claim))
        return item
      }
      case 'finding': {
        const {message} = node
        const item = new vscode.TreeItem(truncate(message.reason.replace(/`/g, ''), 90), None)
        item.id = `finding/${node.index}`
        item.description = message.ruleId ?? false
        item.tooltip = message.note ? `${message.reason}\n\n${message.note}` : message.reason
        item.iconPath = findingIcon(message)
        if (document) item.command = reveal(document, placeRange(document, message.place))
        return item
      }
      case 'check': {
        const {rank, reason, text} = node.entry
        const item = new vscode.TreeItem(`${rank}. ${truncate(text.replace(/\s+/g, ' '), 80) || reason}`, None)
        item.id = `check/${node.index}`
        item.description = reason
        item.tooltip = `${reason}\n\n${text}`
        item.iconPath = new vscode.ThemeIcon('search')
        if (document) item.command = reveal(document, spanRange(document, node.entry))
        return item
      }
      case 'orphan': {
        const {annotation, reason} = node.orphan
        const item = new vscode.TreeItem(`“${truncate(annotation.target.exact, 60)}”`, None)
        item.id = `orphan/${annotation.id}`
        item.description = describeAnnotation(annotation)
        item.tooltip = `${describeAnnotation(annotation)}: ${reason}. Kept in the sidecar; remove it, or restore the text.`
        item.iconPath = new vscode.ThemeIcon('debug-disconnect', new vscode.ThemeColor('problemsWarningIcon.foreground'))
        item.contextValue = 'orphan'
        return item
      }
    }
  }

  /**
   * Parent of a node, so that `TreeView.reveal` works.
   * @param node
   *   A node.
   * @returns
   *   Its parent.
   */
  getParent(node: TagNode): TagNode | undefined {
    const analysis = this.analysis
    if (!analysis) return undefined
    const parent = this.#parentOf(analysis, node)
    if (!parent || node.kind === 'more') return parent
    // Past the first page of its siblings, a node is a child of the `more`
    // node that lists it.
    const id = this.getTreeItem(node).id
    const siblings = this.#all(analysis, parent)
    const at = siblings.length > page ? siblings.findIndex((sibling) => this.getTreeItem(sibling).id === id) : -1
    return at >= page ? {kind: 'more', parent, from: Math.floor(at / page) * page, total: siblings.length} : parent
  }

  /**
   * The node a node belongs to, pages aside.
   * @param analysis
   *   The analysis shown.
   * @param node
   *   A node.
   * @returns
   *   Its parent.
   */
  #parentOf(analysis: Analysis, node: TagNode): TagNode | undefined {
    const {result} = analysis
    switch (node.kind) {
      case 'source':
        return {kind: 'section', section: 'sources', count: sourcesOfResult(result).length}
      case 'quote':
        return {kind: 'source', source: node.source}
      case 'group':
        return {kind: 'section', section: 'entities', count: result.entities.length}
      case 'entity':
        if (result.nationalities?.some((entity) => entity.id === node.entity.id)) {
          return {kind: 'group', type: 'nationality', entities: byMentions(result.nationalities)}
        }
        return {kind: 'group', type: node.entity.type, entities: byMentions(result.entities.filter((entity) => entity.type === node.entity.type))}
      case 'mention':
        return {kind: 'entity', entity: node.entity}
      case 'date':
        return {kind: 'section', section: 'timeline', count: result.dates.length}
      case 'claim':
        return {kind: 'section', section: 'claims', count: result.claims.length}
      case 'finding':
        return {kind: 'section', section: 'findings', count: this.#findings(analysis).length}
      case 'check':
        return {kind: 'section', section: 'check', count: analysis.result.toCheck?.length ?? 0}
      case 'orphan':
        return {kind: 'section', section: 'orphans', count: analysis.review.orphans.length}
      case 'more':
        return node.from > page ? {...node, from: node.from - page} : node.parent
      default:
        return undefined
    }
  }

  dispose(): void {
    if (this.#pending !== undefined) clearTimeout(this.#pending)
    for (const disposable of this.#disposables) disposable.dispose()
  }

  #follow(editor: vscode.TextEditor | undefined): void {
    // No editor (focus in a panel): keep showing the last article.
    if (!editor) return
    this.#setDocument(this.#analyzer.reads(editor.document) ? editor.document : undefined)
    if (this.#document) void this.#analyzer.get(this.#document)
  }

  #setDocument(document: vscode.TextDocument | undefined): void {
    if (document === this.#document) return
    this.#document = document
    this.#refresh()
  }

  /**
   * Refresh the view: its header now, its items soon.
   *
   * @param force
   *   Refresh the items even when the article and its analysis are the ones
   *   shown (a setting changed what they show).
   */
  #refresh(force = false): void {
    const document = this.#document
    const analysis = this.analysis
    // Each of these, set, makes VS Code lay the view out again: only when
    // it changes.
    const description = document ? basename(document.uri) : ''
    if (this.#view.description !== description) this.#view.description = description
    const skipped = analysis?.skipped
    const message = skipped ? `Not analysed: ${skipped.reason}. ${skipped.configFile ? 'Change `files:` in that file' : `Change ${skipped.setting ?? 'the setting'}`} to analyse it.` : ''
    if ((this.#view.message ?? '') !== message) this.#view.message = message
    const findings = analysis ? this.#findings(analysis).length : 0
    if ((this.#view.badge?.value ?? 0) !== findings) {
      this.#view.badge = findings > 0 ? {value: findings, tooltip: plural(findings, 'finding')} : undefined
    }

    // The items once the refreshes of this moment are in (the article shown,
    // then its analysis, a review, a setting: each call waits for the others,
    // up to a limit), and only when what the tree shows changed. Refreshes
    // of a tree with expanded items close together made VS Code draw the
    // children of the entity groups under Timeline and Claims.
    this.#force ||= force
    const now = Date.now()
    if (this.#pending !== undefined) {
      if (now - this.#since >= maxRefreshDelay) return
      clearTimeout(this.#pending)
    } else {
      this.#since = now
    }

    this.#pending = setTimeout(() => this.#fire(), refreshDelay)
  }

  /** Refresh the items, unless they would come out as they are shown. */
  #fire(): void {
    this.#pending = undefined
    const shown = {document: this.#document, analysis: this.analysis}
    if (!this.#force && shown.document === this.#shown.document && shown.analysis === this.#shown.analysis) return
    this.#force = false
    this.#shown = shown
    this.#onDidChangeTreeData.fire(undefined)
  }

  /** Findings not turned off in the settings. */
  #findings(analysis: Analysis): readonly VFileMessage[] {
    return shownFindings(analysis)
  }
}

/**
 * An analysis's findings not turned off in the settings (what the
 * Findings section and the header line count).
 *
 * @param analysis
 *   An analysis.
 * @returns
 *   Its findings whose rule is not `off`.
 */
export function shownFindings(analysis: Pick<Analysis, 'uri' | 'messages'>): readonly VFileMessage[] {
  const {severity} = getConfig(analysis.uri)
  return analysis.messages.filter((message) => !message.ruleId || severity[message.ruleId] !== 'off')
}

/** What an annotation does, in a few words. */
function describeAnnotation(annotation: Annotation): string {
  switch (annotation.kind) {
    case 'tag':
      return `tag as ${annotation.type}`
    case 'reject':
      return `rejected ${annotation.type ?? 'tag'}`
    case 'merge':
      return `merge into “${truncate(annotation.into.exact, 30)}”`
    case 'verdict':
      return `verdict: ${verdictName(annotation.verdict)}`
  }
}

function byMentions(entities: readonly Entity[]): Entity[] {
  return [...entities].sort((a, b) => b.mentions.length - a.mentions.length || (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0))
}

/** Label of a date: its value, in words where the value is a code. */
function dateLabel(date: DateTag): string {
  if (date.type === 'DURATION') return durationInWords(date.value) ?? date.value
  return refs[date.value] ?? date.value
}

const refs: Record<string, string> = {PRESENT_REF: 'present', PAST_REF: 'past', FUTURE_REF: 'future'}

function findingIcon(message: VFileMessage): vscode.ThemeIcon {
  switch (defaultSeverity(message)) {
    case vscode.DiagnosticSeverity.Error:
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'))
    case vscode.DiagnosticSeverity.Warning:
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
    default:
      return new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground'))
  }
}

function reveal(document: vscode.TextDocument, range: vscode.Range): vscode.Command {
  return {command: 'newsmark.reveal', title: 'Reveal in Editor', arguments: [document.uri, range]}
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1)
}

/**
 * A page of children: `page` of them from `from`, then a `… N more` node
 * when there are more.
 * @param parent
 *   Their parent.
 * @param children
 *   All of them.
 * @param from
 *   Where the page starts.
 * @returns
 *   The page.
 */
function paged(parent: TagNode, children: TagNode[], from: number): TagNode[] {
  if (children.length <= from + page) return from === 0 ? children : children.slice(from)
  return [...children.slice(from, from + page), {kind: 'more', parent, from: from + page, total: children.length}]
}
