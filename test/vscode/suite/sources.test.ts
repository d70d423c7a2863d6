/// <reference types="mocha" />
/**
 * Sources and the header line in a real VS Code: the sidebar's Sources
 * section, the quote hover and the CodeLens above the sample article.
 */
import assert from 'node:assert/strict'
import * as vscode from 'vscode'
import type {NewsmarkApi} from '../../../src/extension/extension.ts'
import {api, children, hoverText, open, positionOf, until, untilAsync} from './helpers.ts'

suite('Newsmark sources and header line', () => {
  let newsmark: NewsmarkApi
  let document: vscode.TextDocument

  suiteSetup(async () => {
    document = await open('poland-ottawa.md')
    newsmark = await api()
  })

  test('the Sources section lists the sample’s sources, each with its quotes', async () => {
    const {tree} = newsmark
    const section = await until(
      tree.onDidChangeTreeData,
      () => tree.document === document && children(tree).find(([label, node]) => label === 'Sources' && node.kind === 'section' && node.count > 0),
      'the Sources section of poland-ottawa.md'
    )
    const labels = children(tree).map(([label]) => label)
    assert.ok(labels.indexOf('Sources') < labels.indexOf('Entities'), labels.join(', '))
    assert.match(String(tree.getTreeItem(section[1]).tooltip), /^\d+ sources: \d+ [a-z]+/)

    const sources = children(tree, section[1])
    const names = sources.map(([label]) => label)
    for (const name of ['Cezary Tomczyk', 'Maria Zakharova']) assert.ok(names.includes(name), `${name} in ${names.join(', ')}`)
    const [, tomczyk] = sources.find(([label]) => label === 'Cezary Tomczyk')!
    assert.match(String(tree.getTreeItem(tomczyk).description), /^named person · \d+ quotes$/)

    const quotes = children(tree, tomczyk)
    assert.ok(quotes.length >= 2, `${quotes.length} quotes`)
    const said = quotes.find(([label]) => label.startsWith('the decision will allow Poland'))
    assert.ok(said, quotes.map(([label]) => label).join(' | '))
    const {command} = tree.getTreeItem(said[1])
    assert.equal(command?.command, 'newsmark.reveal')
    const range = command.arguments?.[1] as vscode.Range
    assert.match(document.getText(range), /^the decision will allow Poland/)
    assert.deepEqual(tree.getParent(said[1]), tomczyk)
  })

  test('hover on a quote: its source and cue', async () => {
    const text = await hoverText(document, positionOf(document, 'the decision will allow', 5))
    assert.match(text, /Quoted: indirect · source Cezary Tomczyk \\\(named person\\\) · cue “said”/)
    const person = await hoverText(document, positionOf(document, 'Tomczyk linked', 3))
    assert.match(person, /Source of \d+ quotes/)
  })

  test('the header line above the article counts sources, claims to check and findings, and opens the sidebar', async () => {
    const lens = await untilAsync(
      newsmark.analyzer.onDidChange,
      async () => {
        const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10)
        return lenses.find((item) => /sources? ·/.test(item.command?.title ?? ''))
      },
      'the header line of poland-ottawa.md'
    )
    // The suites run with every rule (`strict`): claims to check are counted.
    assert.match(lens.command!.title, /^\d+ sources · \d+ claims? to check · \d+ findings?$/)
    assert.equal(lens.command!.command, 'workbench.view.extension.newsmark')
    assert.equal(document.lineAt(lens.range.start.line).text, '# Poland to leave the Ottawa Convention on anti-personnel landmines')

    const tooltip = newsmark.statusBar.shown?.tooltip
    assert.match(typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? ''), /\. \d+ sources: \d+ [a-z]+.*\. Click to open the sidebar\./)
    const sources = children(newsmark.tree).find(([label]) => label === 'Sources')!
    assert.ok(lens.command!.title.startsWith(`${String(newsmark.tree.getTreeItem(sources[1]).description)} sources`))
  })
})
