#!/usr/bin/env node
/**
 * Newsmark on real news, measured against the labelled sample in
 * `data/realnews/` (guideline: `docs/labelling.md`). The articles are not in
 * the repository: they are `../shared/realnews-dev/` beside it, and this
 * script says so and stops when they are absent.
 *
 *   npm run precision                       # recommended preset, every split
 *   node scripts/precision.mjs --split held-out --preset strict
 *   node scripts/precision.mjs --worksheet /tmp/ws   # add what is unlabelled
 *   node scripts/precision.mjs --tidy     # label files back to one item a line
 *   node --import tsx scripts/precision.mjs --split dev --errors entities   # list what counts against entities
 *   node --import tsx scripts/precision.mjs --errors attribution   # dev statements whose speaker is not named right
 *   node --import tsx scripts/precision.mjs --errors to-check   # dev claims to check not judged useful
 *   node --import tsx scripts/precision.mjs --errors dates   # dev dates with a wrong value, not dates, misses
 *   node --import tsx scripts/precision.mjs --errors sources   # dev sources of the Sources view not judged right
 *   node --import tsx scripts/precision.mjs --split dev-claims --worksheet /tmp/ws --part dates   # the dates alone
 *   node --import tsx scripts/precision.mjs --split held-out --worksheet /tmp/ws --part sources   # the Sources view alone
 *   node --import tsx scripts/precision.mjs --split dev-claims-a --errors sources   # the half of dev-claims tuned on (dev-claims-b is kept aside)
 *
 * Prints, per split: for each rule, its findings, verdicts and useful share,
 * and warnings per 1,000 words; the check-worthy share of the claims to
 * check and of all claims flagged (claim precision); the
 * speaker accuracy of attributed claims; entity and date accuracy; and what
 * changed since the labels were made (findings with no label).
 *
 * `--worksheet DIR` adds every item Newsmark gives now that has no label to
 * the label files (with `verdict: null`), and writes one worksheet per
 * article to DIR (outside the repository: worksheets quote the article) for
 * the labeller to read beside the label file.
 */
import {execFileSync} from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const {values: flags} = parseArgs({
  options: {
    dir: {type: 'string', default: path.resolve(root, '../shared/realnews-dev')},
    preset: {type: 'string', default: 'recommended'},
    split: {type: 'string', default: 'all'},
    worksheet: {type: 'string'},
    part: {type: 'string'},
    tidy: {type: 'boolean', default: false},
    errors: {type: 'string'},
    json: {type: 'boolean', default: false}
  }
})

const labelDir = path.join(root, 'data/realnews/labels')
const sample = JSON.parse(fs.readFileSync(path.join(root, 'data/realnews/sample.json'), 'utf8'))

if (flags.tidy) {
  // Label files edited by a script or by hand, back to one item a line.
  for (const name of fs.readdirSync(labelDir).filter((name) => name.endsWith('.json'))) {
    const file = path.join(labelDir, name)
    fs.writeFileSync(file, formatLabels(JSON.parse(fs.readFileSync(file, 'utf8'))))
  }

  process.exit(0)
}

// TypeScript: run with `node --import tsx` (`npm run precision` does).
const {countAttribution, countEntities, countFindings, judgeEntities, judgedMessage, dateRight, matchLabel, quoteFor, spanHash, usefulShare} = await import('./lib/labels.ts')
const {shownSource} = await import('../src/core/quotes/reported.ts')
const {sourcesOf} = await import('../src/core/quotes/sources.ts')
const {toCheckMessage} = await import('../src/core/rules/claim-to-check.ts')
const {acronymLetters, spellsName} = await import('../src/core/entities/cluster.ts')
const cli = path.join(root, 'dist/cli.mjs')

if (!fs.existsSync(flags.dir)) {
  console.error(
    `npm run precision: ${flags.dir} is absent. The labelled articles are real news that belong to their publishers and are not in the repository; they live in ../shared/realnews-dev beside it. Nothing to measure.`
  )
  process.exit(2)
}

if (!fs.existsSync(cli)) {
  console.error('npm run precision: dist/cli.mjs is missing: run `npm run build` first (`npm run precision` does).')
  process.exit(2)
}

if (flags.part !== undefined && (flags.worksheet === undefined || !['dates', 'sources'].includes(flags.part))) {
  console.error(`npm run precision: --part knows \`dates\` and \`sources\` (a worksheet of the dates or of the Sources view alone, with --worksheet), not \`${flags.part}\`.`)
  process.exit(2)
}

// Items added to held-out label files are judged blind: name the split.
if (flags.part !== undefined && flags.split === 'all') {
  console.error('npm run precision: --part needs --split (dev-claims to label, or a held-out split to judge new items blind).')
  process.exit(2)
}

const articles = sample.articles.filter((article) => flags.split === 'all' || inSplit(article, flags.split))
const files = articles.map((article) => path.join(flags.dir, article.file))
const preset = flags.worksheet ? 'strict' : flags.preset
const tagged = JSON.parse(
  execFileSync(process.execPath, [cli, 'tag', '--preset', preset, ...files], {maxBuffer: 1 << 28, encoding: 'utf8'})
)
const results = Array.isArray(tagged) ? tagged : [tagged]

if (flags.worksheet) {
  fs.mkdirSync(flags.worksheet, {recursive: true})
  for (const [index, article] of articles.entries()) {
    const text = fs.readFileSync(files[index], 'utf8').replace(/^\ufeff/, '')
    const labels = readLabels(article)
    if (flags.part === 'dates') {
      // The dates alone, whatever else the file is labelled for.
      const added = addUnlabelledDates(labels, results[index], text)
      fs.writeFileSync(labelPath(article), formatLabels(labels))
      fs.writeFileSync(path.join(flags.worksheet, article.file), datesWorksheet(article, labels, text))
      console.log(`${article.file}: ${added} new dates to label`)
      continue
    }

    if (flags.part === 'sources') {
      const added = addUnlabelledSources(labels, results[index], text)
      fs.writeFileSync(labelPath(article), formatLabels(labels))
      fs.writeFileSync(path.join(flags.worksheet, article.file), sourcesWorksheet(article, labels, results[index], text))
      console.log(`${article.file}: ${added} new sources to label`)
      continue
    }

    // Labelled for some parts only: not a worksheet of everything.
    if (labels.scope !== undefined) continue
    const added = addUnlabelled(labels, results[index], text)
    fs.writeFileSync(labelPath(article), formatLabels(labels))
    fs.writeFileSync(path.join(flags.worksheet, article.file), worksheet(article, labels, text, results[index]))
    console.log(`${article.file}: ${added} new items to label`)
  }

  process.exit(0)
}

if (flags.errors) {
  // To study errors on what is tuned on: dev articles only, never held-out.
  if (!['entities', 'attribution', 'to-check', 'dates', 'sources'].includes(flags.errors)) {
    console.error(`npm run precision: --errors knows \`entities\`, \`attribution\`, \`to-check\`, \`dates\` and \`sources\`, not \`${flags.errors}\`.`)
    process.exit(2)
  }

  for (const [index, article] of articles.entries()) {
    if (article.split !== 'dev' && article.split !== 'dev-claims') continue
    const text = fs.readFileSync(files[index], 'utf8').replace(/^\ufeff/, '')
    const labels = readLabels(article)
    if (!labelledFor(labels, flags.errors === 'to-check' ? 'claims-to-check' : flags.errors === 'dates' || flags.errors === 'sources' ? flags.errors : 'all')) continue
    // The half of dev-claims whose Sources view is kept aside: never listed.
    if (flags.errors === 'sources' && inSplit(article, 'dev-claims-b')) continue
    if (flags.errors === 'dates') {
      // Each tagged date whose value is not the labelled one, each tagged
      // that is no date, each labelled miss still missed.
      const around = (start, end) => marked(text, start, end, 50)
      const lines = []
      for (const date of results[index].dates) {
        const label = matchLabel(date, labels.dates)
        if (!label || dateRight(date.value, label) !== false) continue
        lines.push(`- ${label.verdict === 'not-date' ? 'not a date' : `wrong ${date.value} gold ${label.goldValue ?? label.value}`}${label.reason ? ` (${label.reason})` : ''}: ${around(date.start, date.end)}`)
      }

      for (const span of labels.missedDates ?? []) {
        if (covered(span, results[index].dates)) continue
        lines.push(`- missed ${span.value}: ${around(span.start, span.end)}`)
      }

      if (lines.length > 0) console.log(`\n## ${article.file} (${article.split})\n${lines.join('\n')}`)
      continue
    }

    if (flags.errors === 'attribution') {
      // Each labelled statement with a speaker that is not named right
      // (none or wrong), with the quote it goes to and what the model read.
      const quotes = results[index].quotes ?? []
      const views = quotes.map(shownQuote)
      const lines = []
      for (const label of labels.claims) {
        if (!Array.isArray(label.goldSpeaker) || label.speakerVerdict === 'n/a') continue
        // The quote the measure takes (see `measure`), shown whole.
        const view = quoteFor(label, views)
        const quote = view ? quotes[views.indexOf(view)] : undefined
        const shown = view?.source
        const gold = text.slice(label.goldSpeaker[0], label.goldSpeaker[1])
        if (shown && sameSpeaker(shown.name, gold)) continue
        const read = quote ? `quote ${quote.kind} ${quote.start}-${quote.end} cue “${quote.cue?.text ?? '-'}” source “${quote.source?.text ?? '-'}”` : 'no quote'
        lines.push(`- ${shown ? `wrong “${shown.name}”` : 'none'} gold “${gold}” (${read}): ⟦${text.slice(label.start, label.end).replaceAll('\n', ' ')}⟧`)
      }

      if (lines.length > 0) console.log(`\n## ${article.file}\n${lines.join('\n')}`)
      continue
    }

    if (flags.errors === 'sources') {
      // Each source of the Sources view not judged right (or not judged),
      // with the labeller's why and its first quote.
      const lines = []
      for (const source of Array.isArray(labels.sources) ? sourcesOf(results[index]) : []) {
        const label = sourceLabel(labels.sources, source, text)
        if (label?.verdict === 'right') continue
        const quote = source.quotes[0]
        lines.push(`- ${label?.verdict ?? 'unjudged'}${label?.why ? ` (${label.why})` : ''} · ${source.kind} “${source.name}” · source ${marked(text, quote.source.start, quote.source.end, 0)}, cue “${quote.cue?.text ?? '-'}”: ${marked(text, quote.start, Math.min(quote.end, quote.start + 120), 60)}`)
      }

      if (lines.length > 0) console.log(`\n## ${article.file}\n${lines.join('\n')}`)
      continue
    }

    if (flags.errors === 'to-check') {
      // Each claim to check not judged useful (or not judged), with its
      // reason, its rank and the labeller's verdict.
      const lines = []
      for (const entry of results[index].toCheck ?? []) {
        const judged = toCheckVerdict(labels, entry)
        if (judged?.verdict === 'useful') continue
        const why = judged?.why
        lines.push(`- #${entry.rank} ${judged?.verdict ?? 'unjudged'}${why ? ` (${why})` : ''} · ${entry.reason}: ⟦${text.slice(entry.start, entry.end).replaceAll('\n', ' ')}⟧`)
      }

      if (lines.length > 0) console.log(`\n## ${article.file}\n${lines.join('\n')}`)
      continue
    }

    const {errors} = judgeEntities(results[index].entities, labels.entities, labels.missedEntities ?? [])
    if (errors.length === 0) continue
    console.log(`\n## ${article.file}`)
    for (const error of errors) {
      const around = marked(text, error.start, error.end, 40)
      console.log(`- ${error.kind} ${error.verdict} now ${error.type ?? '-'} gold ${error.gold ?? '-'} ${error.start}: ${around}`)
    }
  }

  process.exit(0)
}

const report = {preset, splits: {}}
// `all`: the fully labelled splits (`dev-claims` is labelled for the claims
// to check only).
for (const split of flags.split === 'all' ? ['dev', 'dev-claims', 'held-out', 'held-out-2', 'all'] : [flags.split]) {
  report.splits[split] = measure(articles.filter((article) => (split === 'all' ? article.split !== 'dev-claims' : inSplit(article, split))))
}

if (flags.json) console.log(JSON.stringify(report, null, 2))
else print(report)

/**
 * Measure a set of articles.
 *
 * @param {Array<{file: string, split: string}>} subset
 *   Articles of the sample.
 * @returns {object}
 *   Counts.
 */
function measure(subset) {
  const counts = new Map()
  let words = 0
  let warnings = 0
  let unlabelledFiles = 0
  const claims = {flagged: 0, checkworthy: 0, labelled: 0}
  const toCheck = {listed: 0, checkworthy: 0, labelled: 0, useful: 0, judged: 0, reasonUnjudged: 0}
  const sources = {listed: 0, judged: 0, right: 0, wrongKind: 0, noise: 0}
  const speakers = {given: 0, right: 0, labelled: 0, missing: 0, invented: 0}
  const attribution = {labelled: 0, right: 0, wrong: 0, none: 0, invented: 0}
  const entities = {clusters: 0, right: 0, labelled: 0, gold: 0, found: 0, missed: 0}
  const dates = {tagged: 0, right: 0, labelled: 0, missed: 0, stillMissed: 0, untagged: 0, notDate: 0}
  const unlabelled = []
  for (const article of subset) {
    const index = articles.indexOf(article)
    const result = results[index]
    const text = fs.readFileSync(files[index], 'utf8').replace(/^\ufeff/, '')
    const labels = readLabels(article)
    if (labels.sha256 && labels.sha256 !== sha256(text)) unlabelledFiles++
    // Labelled for the claims to check only (split `dev-claims`): every
    // claim highlighted when it was labelled judged as a claim to check.
    if (labels.scope !== undefined) {
      if (labelledFor(labels, 'dates')) countDates(result, labels, dates)
      if (labelledFor(labels, 'sources') && Array.isArray(labels.sources)) countSources(result, labels, sources, text)
      for (const entry of labelledFor(labels, 'claims-to-check') ? (result.toCheck ?? []) : []) {
        toCheck.listed++
        const judged = toCheckVerdict(labels, entry)
        if (!judged) continue
        toCheck.judged++
        if (judged.verdict === 'useful') toCheck.useful++
        if (!judged.reasonJudged) toCheck.reasonUnjudged++
      }

      continue
    }

    words += countWords(text)
    if (Array.isArray(labels.sources)) countSources(results[index], labels, sources, text)
    const findings = result.messages.filter((message) => message.ruleId).map((message) => ({rule: message.ruleId, start: message.start, end: message.end, severity: message.severity, message: message.reason}))
    warnings += findings.filter((finding) => finding.severity !== 'info').length
    // The claims to check (listed in the sidebar whatever the preset),
    // against the check-worthiness labels of their claims.
    for (const entry of result.toCheck ?? []) {
      toCheck.listed++
      const judged = toCheckVerdict(labels, entry)
      if (judged) {
        toCheck.judged++
        if (judged.verdict === 'useful') toCheck.useful++
      }

      const label = matchLabel({start: entry.start, end: entry.end}, labels.claims)
      if (typeof label?.checkworthy === 'boolean') {
        toCheck.labelled++
        if (label.checkworthy) toCheck.checkworthy++
      }
    }

    for (const finding of countFindings(findings, labels.findings, counts)) unlabelled.push(`${article.file}:${finding.start}-${finding.end} ${finding.rule}`)

    for (const claim of result.claims) {
      claims.flagged++
      const label = matchLabel(claim, labels.claims)
      if (typeof label?.checkworthy === 'boolean') {
        claims.labelled++
        if (label.checkworthy) claims.checkworthy++
      }

      if (claim.speaker) speakers.given++
      // Judged now, against the labelled speaker's words in the article:
      // the same name (or its last word: "Ham" for "Darvin Ham").
      if (label && Array.isArray(label.goldSpeaker) && label.speakerVerdict !== 'n/a') {
        speakers.labelled++
        const gold = text.slice(label.goldSpeaker[0], label.goldSpeaker[1])
        if (!claim.speaker) speakers.missing++
        else if (sameSpeaker(claim.speaker.name, gold)) speakers.right++
      } else if (label?.speakerVerdict === 'n/a' && claim.speaker) {
        speakers.invented++
      }
    }

    // Who said what on every labelled statement, highlighted as a claim or not.
    // As the reader is shown them: a quote's source only when it said the words.
    const shown = (result.quotes ?? []).map(shownQuote)
    const said = countAttribution(text, labels.claims, shown, sameSpeaker)
    for (const key of Object.keys(attribution)) attribution[key] += said[key]

    // Judged now: type and span against the label (scripts/lib/labels.ts).
    const entityCount = countEntities(result.entities, labels.entities, labels.missedEntities ?? [])
    for (const key of Object.keys(entities)) entities[key] += entityCount[key]
    countDates(result, labels, dates)
  }

  return {articles: subset.length, words, warnings, counts: Object.fromEntries(counts), claims, toCheck, speakers, attribution, entities, dates, sources, unlabelled, changedArticles: unlabelledFiles}
}

/**
 * The label of a source of the Sources view: one of the same kind whose
 * span is the source span of one of its quotes, or that span and the
 * punctuation closing an apposition or the relative pronoun after it
 * (“Ann Moss, a director,”, “a native who” labelled before those were left
 * out of the span); a source whose kind changed since is not judged.
 *
 * @param {any[]} labelled
 *   Source labels of the article.
 * @param {{kind: string, quotes: any[]}} source
 *   Source (`sourcesOf`).
 * @param {string} text
 *   Article text.
 * @returns {any}
 *   Label, if any.
 */
function sourceLabel(labelled, source, text) {
  const same = (label, span) =>
    span?.start === label.start && (span.end === label.end || (span.end < label.end && /^[\s,;:\u2013\u2014-]*(?:who|which|that)?[\s,;:\u2013\u2014-]*$/u.test(text.slice(span.end, label.end))))
  return labelled.find((label) => label.kind === source.kind && source.quotes.some((quote) => same(label, quote.source)))
}

/**
 * Count the Sources view of an article against its source labels.
 *
 * @param {any} result
 *   `newsmark tag` output for the article.
 * @param {any} labels
 *   Label file (with `sources`).
 * @param {{listed: number, judged: number, right: number, wrongKind: number, noise: number}} sources
 *   Counts (changed).
 * @param {string} text
 *   Article text.
 */
function countSources(result, labels, sources, text) {
  for (const source of sourcesOf(result)) {
    sources.listed++
    const label = sourceLabel(labels.sources, source, text)
    if (!label?.verdict) continue
    sources.judged++
    if (label.verdict === 'right') sources.right++
    else if (label.verdict === 'wrong-kind') sources.wrongKind++
    else sources.noise++
  }
}

/**
 * Count an article's dates against its labels, judged now: a labelled miss
 * that something now covers is no longer missed; a labelled date (right or
 * wrong value) that nothing covers any more is a new miss; a `not-date`
 * tagged is counted apart.
 *
 * @param {any} result
 *   `newsmark tag` output for the article.
 * @param {any} labels
 *   Label file.
 * @param {{tagged: number, right: number, labelled: number, missed: number, stillMissed: number, untagged: number, notDate: number}} dates
 *   Counts (changed).
 */
function countDates(result, labels, dates) {
  for (const date of result.dates) {
    dates.tagged++
    const label = matchLabel(date, labels.dates)
    const right = label ? dateRight(date.value, label) : undefined
    if (right !== undefined) {
      dates.labelled++
      if (right) dates.right++
    }
  }

  dates.missed += labels.missedDates?.length ?? 0
  dates.stillMissed += (labels.missedDates ?? []).filter((span) => !covered(span, result.dates)).length
  dates.untagged += labels.dates.filter((label) => (label.verdict === 'right' || label.verdict === 'wrong-value') && !result.dates.some((date) => matchLabel(date, labels.dates) === label)).length
  dates.notDate += result.dates.filter((date) => matchLabel(date, labels.dates)?.verdict === 'not-date').length
}

/**
 * Whether a label file is labelled for a part: every part when it has no
 * `scope`, else the parts its `scope` names (`dev-claims`: the claims to
 * check, and since 2026-12-07 the dates).
 *
 * @param {any} labels
 *   Label file.
 * @param {'claims-to-check' | 'dates' | 'all'} part
 *   Part (`all`: labelled for every part).
 * @returns {boolean}
 *   Whether it is.
 */
function labelledFor(labels, part) {
  if (labels.scope === undefined) return true
  if (part === 'all') return false
  return (Array.isArray(labels.scope) ? labels.scope : [labels.scope]).includes(part)
}

/**
 * Print a report.
 *
 * @param {{preset: string, splits: Record<string, ReturnType<typeof measure>>}} report
 *   Report.
 */
function print(report) {
  console.log(`Newsmark on the labelled real-news sample (data/realnews, preset \`${report.preset}\`)`)
  for (const [split, m] of Object.entries(report.splits)) {
    if (split.startsWith('dev-claims')) {
      console.log(`\n## ${split}: ${m.articles} articles labelled for the claims to check${m.dates.labelled > 0 ? ' and the dates' : ''}${m.sources.listed > 0 ? ' and the Sources view' : ''} only\n`)
      console.log(`- claims to check: ${m.toCheck.listed} listed; useful as a claim to check ${percent(ratio(m.toCheck.useful, m.toCheck.judged))} of ${m.toCheck.judged} judged (${m.toCheck.reasonUnjudged} judged on the claim alone: listed since, with a reason not judged)`)
      if (m.dates.labelled > 0) console.log(datesLine(m.dates))
      if (m.sources.listed > 0) console.log(sourcesLine(m.sources))
      continue
    }

    console.log(`\n## ${split}: ${m.articles} articles, ${m.words} words, ${m.warnings} warnings (${((m.warnings / m.words) * 1000).toFixed(1)} per 1,000 words)\n`)
    console.log('| rule | findings | useful | debatable | noise | unlabelled | useful share |')
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |')
    const total = {findings: 0, useful: 0, debatable: 0, noise: 0, unlabelled: 0}
    for (const [rule, count] of Object.entries(m.counts).sort()) {
      for (const key of Object.keys(total)) total[key] += count[key]
      console.log(`| \`${rule}\` | ${count.findings} | ${count.useful} | ${count.debatable} | ${count.noise} | ${count.unlabelled} | ${percent(usefulShare(count))} |`)
    }

    console.log(`| all | ${total.findings} | ${total.useful} | ${total.debatable} | ${total.noise} | ${total.unlabelled} | ${percent(usefulShare(total))} |`)
    console.log('')
    console.log(`- claims to check (the sidebar's list, whatever the preset): ${m.toCheck.listed} listed, ${m.toCheck.labelled} labelled, check-worthy ${percent(ratio(m.toCheck.checkworthy, m.toCheck.labelled))}; useful as a claim to check ${percent(ratio(m.toCheck.useful, m.toCheck.judged))} of ${m.toCheck.judged} judged`)
    console.log(`- claims: ${m.claims.flagged} flagged, ${m.claims.labelled} labelled, check-worthy ${percent(ratio(m.claims.checkworthy, m.claims.labelled))}`)
    console.log(`- speakers: ${m.speakers.labelled} labelled claims that need one, right ${percent(ratio(m.speakers.right, m.speakers.labelled))}, none given ${m.speakers.missing}; ${m.speakers.invented} speakers given where the article names none`)
    const a = m.attribution
    console.log(`- who said what (quotes, on all ${a.labelled} labelled statements with a speaker, highlighted or not): right ${percent(ratio(a.right, a.labelled))}, wrong ${a.wrong}, none ${a.none}; a source named is right ${percent(ratio(a.right, a.right + a.wrong))}; ${a.invented} sources named where the article names none`)
    const entityP = ratio(m.entities.right, m.entities.labelled)
    const entityR = ratio(m.entities.found, m.entities.gold)
    console.log(`- entities (clusters): ${m.entities.clusters} given, ${m.entities.labelled} labelled, precision ${percent(entityP)}, recall ${percent(entityR)}, F1 ${percent(entityP !== undefined && entityR !== undefined && entityP + entityR > 0 ? (2 * entityP * entityR) / (entityP + entityR) : undefined)} (${m.entities.found} of ${m.entities.gold} labelled entities found with their type, ${m.entities.missed} labelled missed still missed)`)
    console.log(datesLine(m.dates))
    if (m.sources.listed > 0) console.log(sourcesLine(m.sources))

    if (m.unlabelled.length > 0) console.log(`- ${m.unlabelled.length} findings have no label (new since labelling, or their message changed since it was judged): ${m.unlabelled.slice(0, 8).join('; ')}${m.unlabelled.length > 8 ? '; …' : ''}`)
    if (m.changedArticles > 0) console.log(`- ${m.changedArticles} articles changed since they were labelled (sha256 differs)`)
  }
}

/**
 * @param {{labelled: number, right: number, missed: number, stillMissed: number, untagged: number, notDate: number}} dates
 *   Date counts.
 * @returns {string}
 *   The report's line on them.
 */
function datesLine(dates) {
  return `- dates: ${dates.labelled} labelled, value right ${percent(ratio(dates.right, dates.labelled))}, ${dates.missed} missed (judged now: ${dates.stillMissed} labelled misses still missed, ${dates.untagged} labelled dates no longer tagged, ${dates.notDate} tagged that are no date)`
}

/**
 * The verdict on a claim to check: its `claim-to-check` finding's, when the
 * message judged is the one shown (ranks aside; a label made before
 * messages were hashed counts as the same); else, in a label file made for
 * the claims to check only (`dev-claims`), the worth of its claim alone,
 * its reason not judged.
 *
 * @param {any} labels
 *   Label file.
 * @param {{start: number, end: number, reason: string}} entry
 *   Claim to check of `newsmark tag --format json`.
 * @returns {{verdict: string, why?: string, reasonJudged: boolean} | undefined}
 *   Verdict, if there is one.
 */
function toCheckVerdict(labels, entry) {
  const finding = labels.findings.find((item) => item.rule === 'claim-to-check' && item.start === entry.start && item.end === entry.end)
  if (finding?.verdict && (finding.messageHash === undefined || finding.messageHash === judgedMessage(toCheckMessage(1, 1, entry.reason)))) {
    return {verdict: finding.verdict, why: finding.reason, reasonJudged: true}
  }

  const label = labels.scope !== undefined && labelledFor(labels, 'claims-to-check') ? matchLabel({start: entry.start, end: entry.end}, labels.claims) : undefined
  return label?.toCheck ? {verdict: label.toCheck, why: label.why, reasonJudged: false} : undefined
}

/**
 * Add what Newsmark gives now and has no label yet, with `verdict: null`.
 *
 * @param {any} labels
 *   Label file (changed).
 * @param {any} result
 *   `newsmark tag` output for the article.
 * @param {string} text
 *   Article text.
 * @returns {number}
 *   Items added.
 */
function addUnlabelled(labels, result, text) {
  let added = 0
  labels.sha256 = sha256(text)
  for (const message of result.messages) {
    if (!message.ruleId || typeof message.start !== 'number') continue
    const finding = {rule: message.ruleId, start: message.start, end: message.end}
    const judged = judgedMessage(message.reason)
    const label = labels.findings.find((label) => label.rule === finding.rule && label.start === finding.start && label.end === finding.end)
    if (label) {
      // Its message changed since it was judged: judge it again.
      if (label.messageHash !== undefined && label.messageHash !== judged) {
        Object.assign(label, {messageHash: judged, verdict: null, reason: ''})
        added++
      }

      continue
    }

    labels.findings.push({id: `f${labels.findings.length + 1}`, ...finding, hash: spanHash(text, finding.start, finding.end), messageHash: judged, verdict: null, reason: ''})
    added++
  }

  for (const claim of result.claims) {
    if (labels.claims.some((label) => label.start === claim.start && label.end === claim.end)) continue
    labels.claims.push({
      id: `c${labels.claims.length + 1}`,
      start: claim.start,
      end: claim.end,
      hash: spanHash(text, claim.start, claim.end),
      kind: claim.kind,
      checkworthy: null,
      speakerVerdict: null,
      goldSpeaker: null
    })
    added++
  }

  for (const entity of result.entities) {
    const first = entity.mentions[0]
    if (labels.entities.some((label) => label.mentions.some(([start, end]) => start === first.start && end === first.end))) continue
    labels.entities.push({id: `e${labels.entities.length + 1}`, type: entity.type, mentions: entity.mentions.map((mention) => [mention.start, mention.end]), verdict: null, goldType: null})
    added++
  }

  return added + addUnlabelledDates(labels, result, text)
}

/**
 * Add the dates Newsmark tags now that have no label (`verdict: null`).
 *
 * @param {any} labels
 *   Label file (changed).
 * @param {any} result
 *   `newsmark tag` output for the article.
 * @param {string} text
 *   Article text.
 * @returns {number}
 *   Dates added.
 */
function addUnlabelledDates(labels, result, text) {
  let added = 0
  // Set once: a changed article must still show as changed for its other parts.
  labels.sha256 ??= sha256(text)
  labels.dates ??= []
  labels.missedDates ??= []
  for (const date of result.dates) {
    if (labels.dates.some((label) => label.start === date.start && label.end === date.end)) continue
    labels.dates.push({id: `d${labels.dates.length + 1}`, start: date.start, end: date.end, hash: spanHash(text, date.start, date.end), value: date.value ?? null, verdict: null, goldValue: null})
    added++
  }

  return added
}

/**
 * Add the sources of the Sources view that have no label yet (`verdict:
 * null`): the span of the source of its first quote, its kind.
 *
 * @param {any} labels
 *   Label file (changed).
 * @param {any} result
 *   `newsmark tag` output for the article.
 * @param {string} text
 *   Article text.
 * @returns {number}
 *   How many were added.
 */
function addUnlabelledSources(labels, result, text) {
  let added = 0
  labels.sha256 ??= sha256(text)
  labels.sources ??= []
  for (const source of sourcesOf(result)) {
    if (sourceLabel(labels.sources, source, text)) continue
    const {start, end} = source.quotes[0].source
    const id = `s${labels.sources.reduce((most, label) => Math.max(most, Number(label.id.slice(1))), 0) + 1}`
    labels.sources.push({id, start, end, hash: spanHash(text, start, end), kind: source.kind, verdict: null, why: null})
    added++
  }

  return added
}

/**
 * A worksheet of the Sources view: each source with its kind, its name and
 * its first two quotes in their paragraphs.
 *
 * @param {{file: string, category: string, split: string}} article
 *   Article.
 * @param {any} labels
 *   Label file.
 * @param {any} result
 *   `newsmark tag` output for the article.
 * @param {string} text
 *   Article text.
 * @returns {string}
 *   Markdown.
 */
function sourcesWorksheet(article, labels, result, text) {
  const lines = [`# ${article.file} (${article.category}, ${article.split}): the Sources view`, '', `Label file: data/realnews/labels/${article.file.replace(/\.md$/, '.json')} (\`sources\`: verdict right, wrong-kind or noise; see docs/labelling.md)`, '']
  for (const source of sourcesOf(result)) {
    const label = sourceLabel(labels.sources, source, text)
    lines.push(`- ${label?.id ?? '?'} ${source.kind} “${source.name}”, ${source.quotes.length} quote${source.quotes.length === 1 ? '' : 's'}${label?.verdict ? ` [${label.verdict}]` : ''}`)
    for (const quote of source.quotes.slice(0, 2)) lines.push(`  - source ${marked(text, quote.source.start, quote.source.end, 0)}, cue “${quote.cue?.text ?? '-'}”: ${inParagraph(text, quote.start, quote.end)}`)
  }

  return lines.join('\n') + '\n'
}

/**
 * A worksheet: every item of the label file with the words it points at.
 *
 * @param {{file: string, category: string, split: string}} article
 *   Article.
 * @param {any} labels
 *   Label file.
 * @param {string} text
 *   Article text.
 * @param {any} result
 *   `newsmark tag` output for the article.
 * @returns {string}
 *   Markdown.
 */
function worksheet(article, labels, text, result) {
  const said = (list, item) => list.find((other) => other.start === item.start && other.end === item.end && (item.rule === undefined || other.ruleId === item.rule))
  const context = (start, end) => inParagraph(text, start, end)

  const lines = [`# ${article.file} (${article.category}, ${article.split})`, '', `Label file: data/realnews/labels/${article.file.replace(/\.md$/, '.json')}`, '', '## Findings', '']
  for (const item of labels.findings) {
    const message = said(result.messages, item)
    lines.push(`- ${item.id} \`${item.rule}\` ${item.start}-${item.end}${item.verdict ? ` [${item.verdict}]` : ''}: ${message ? `says “${message.reason}” at ` : ''}${context(item.start, item.end)}`)
  }
  lines.push('', '## Claims', '')
  for (const claim of labels.claims) {
    const now = said(result.claims, claim)
    const speaker = now?.speaker ? ` speaker: ${now.speaker.name}${now.verb ? ` (cue “${now.verb}”)` : ''}` : ' speaker: none'
    lines.push(`- ${claim.id} (${claim.kind})${speaker} ${claim.start}-${claim.end}: ⟦${text.slice(claim.start, claim.end).replaceAll('\n', ' ')}⟧`)
  }

  lines.push('', '## Entities', '')
  for (const entity of labels.entities) {
    const [start, end] = entity.mentions[0]
    const now = result.entities.find((other) => other.mentions[0]?.start === start)
    lines.push(`- ${entity.id} ${entity.type}${now?.role ? ` (role: ${now.role})` : ''} ×${entity.mentions.length} «${entity.mentions.map(([s, e]) => text.slice(s, e)).join(' | ')}»: ${context(start, end)}`)
  }

  lines.push('', '## Dates', '')
  for (const date of labels.dates) lines.push(`- ${date.id} value \`${date.value}\`: ${context(date.start, date.end)}`)
  return lines.join('\n') + '\n'
}

/**
 * A worksheet of the dates alone, with the article's date, for labelling
 * the dates of an article labelled for other parts.
 *
 * @param {{file: string, category: string, split: string}} article
 *   Article.
 * @param {any} labels
 *   Label file.
 * @param {string} text
 *   Article text.
 * @returns {string}
 *   Markdown.
 */
function datesWorksheet(article, labels, text) {
  const dated = /^---\r?\n[\s\S]*?^date:\s*(.+)$/m.exec(text)
  const lines = [`# ${article.file} (${article.category}, ${article.split}): dates`, '', `Label file: data/realnews/labels/${article.file.replace(/\.md$/, '.json')}`, '', `Article date (front matter): ${dated ? dated[1].trim() : 'none'}`, '', '## Dates', '']
  for (const date of labels.dates) {
    lines.push(`- ${date.id} ${date.start}-${date.end} value \`${date.value}\`${date.verdict ? ` [${date.verdict}]` : ''}: ${inParagraph(text, date.start, date.end)}`)
  }

  return lines.join('\n') + '\n'
}

/**
 * A span marked (`⟦…⟧`) in the words around it, on one line.
 *
 * @param {string} text
 *   Article text.
 * @param {number} start
 *   Start of the span.
 * @param {number} end
 *   End of the span.
 * @param {number} width
 *   Characters on each side.
 * @returns {string}
 *   The span in context.
 */
function marked(text, start, end, width) {
  return `${text.slice(Math.max(0, start - width), start)}⟦${text.slice(start, end)}⟧${text.slice(end, end + width)}`.replaceAll('\n', ' ')
}

/**
 * A span marked in up to 160 characters around it, not reaching back past
 * its line's start, for a worksheet.
 *
 * @param {string} text
 *   Article text.
 * @param {number} start
 *   Start of the span.
 * @param {number} end
 *   End of the span.
 * @returns {string}
 *   The span in context.
 */
function inParagraph(text, start, end) {
  const from = Math.max(0, text.lastIndexOf('\n', start) + 1, start - 160)
  const to = Math.min(text.length, end + 160)
  return `…${text.slice(from, start)}⟦${text.slice(start, end)}⟧${text.slice(end, to)}…`.replaceAll('\n', ' ')
}

/**
 * Whether a labelled span (a missed date) is covered by a tagged date now.
 *
 * @param {{start: number, end: number}} span
 *   Span.
 * @param {ReadonlyArray<{start: number, end: number}>} dates
 *   Dates tagged.
 * @returns {boolean}
 *   Whether one overlaps it.
 */
function covered(span, dates) {
  return dates.some((date) => date.start < span.end && date.end > span.start)
}

/**
 * A label file as JSON with one item a line, for editing by hand and for
 * readable diffs.
 *
 * @param {any} labels
 *   Labels.
 * @returns {string}
 *   JSON.
 */
function formatLabels(labels) {
  const fields = Object.entries(labels).map(([key, value]) => {
    const json = Array.isArray(value)
      ? value.length === 0
        ? '[]'
        : `[\n${value.map((item) => '    ' + JSON.stringify(item)).join(',\n')}\n  ]`
      : JSON.stringify(value)
    return `  ${JSON.stringify(key)}: ${json}`
  })
  return `{\n${fields.join(',\n')}\n}\n`
}

/**
 * A quote as the reader is shown it: its words and cue, and its source only
 * when the source said the words (`shownSource`).
 *
 * @param {any} quote
 *   Quote of `newsmark tag --format json`.
 * @returns {{start: number, end: number, parts?: Array<{start: number, end: number}>, cue?: {start: number, end: number}, source?: any}}
 *   What the who-said-what measure reads of it.
 */
function shownQuote(quote) {
  return {start: quote.start, end: quote.end, parts: quote.parts, cue: quote.cue, source: shownSource(quote)}
}

/**
 * Read an article's label file, or a new empty one.
 *
 * @param {{file: string, category: string, split: string}} article
 *   Article.
 * @returns {any}
 *   Labels.
 */
function readLabels(article) {
  const file = labelPath(article)
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8'))
  return {
    article: article.file,
    sha256: null,
    category: article.category,
    split: article.split,
    genre: null,
    language: null,
    findings: [],
    claims: [],
    entities: [],
    missedEntities: [],
    dates: [],
    missedDates: []
  }
}

/**
 * @param {{file: string}} article
 *   Article.
 * @returns {string}
 *   Its label file.
 */
function labelPath(article) {
  return path.join(labelDir, article.file.replace(/\.md$/, '.json'))
}

/**
 * Whether a speaker's name names the labelled speaker: the same words, one
 * inside the other, or the same last word (“Ham” and “Darvin Ham”).
 *
 * @param {string} name
 *   Name Newsmark gives.
 * @param {string} gold
 *   The labelled speaker's words in the article.
 * @returns {boolean}
 *   Whether they match.
 */
function sameSpeaker(name, gold) {
  const plain = (/** @type {string} */ value) => value.toLowerCase().replace(/[.,’']/g, '').replace(/\s+/g, ' ').trim()
  const a = plain(name)
  const b = plain(gold)
  if (!a || !b) return false
  return a === b || a.includes(b) || b.includes(a) || a.split(' ').at(-1) === b.split(' ').at(-1) || spells(gold, name) || spells(name, gold)
}

/**
 * Whether an acronym spells a name's initials (“NOAA”, “National Oceanic
 * and Atmospheric Administration”; “the CDC”): one organisation, as the
 * entities cluster them (`spellsName`).
 *
 * @param {string} acronym
 * @param {string} name
 * @returns {boolean}
 */
function spells(acronym, name) {
  const letters = acronymLetters(acronym.replace(/^the\s+/i, ''))
  return letters !== undefined && spellsName(letters, name)
}

/**
 * Whether an article is in a split. `dev-claims-a` and `dev-claims-b` are
 * the halves of `dev-claims` by the SHA-1 of "newsmark-dev-claims-halves:"
 * and the file name (the first 14 in that order, and the rest): the
 * Sources view is tuned on the first and measured on the second.
 *
 * @param {{file: string, split: string}} article
 *   Article of the sample.
 * @param {string} split
 *   Split name.
 * @returns {boolean}
 *   Whether it is in.
 */
function inSplit(article, split) {
  if (split !== 'dev-claims-a' && split !== 'dev-claims-b') return article.split === split
  if (article.split !== 'dev-claims') return false
  const key = (file) => crypto.createHash('sha1').update(`newsmark-dev-claims-halves:${file}`).digest('hex')
  const ordered = sample.articles.filter((each) => each.split === 'dev-claims').sort((a, b) => (key(a.file) < key(b.file) ? -1 : 1))
  const half = Math.ceil(ordered.length / 2)
  const at = ordered.indexOf(article)
  return split === 'dev-claims-a' ? at < half : at >= half
}

/**
 * A line of the Sources view's counts.
 *
 * @param {{listed: number, judged: number, right: number, wrongKind: number, noise: number}} s
 *   Counts.
 * @returns {string}
 *   Line.
 */
function sourcesLine(s) {
  return `- Sources view: ${s.listed} sources listed, ${s.judged} judged, right ${percent(ratio(s.right, s.judged))} (wrong kind ${s.wrongKind}, noise ${s.noise})${s.listed > s.judged ? `; ${s.listed - s.judged} not judged (new since labelling)` : ''}`
}

/**
 * @param {string} text
 *   Text.
 * @returns {string}
 *   SHA-256, hex.
 */
function sha256(text) {
  return crypto.createHash('sha256').update(text).digest('hex')
}

/**
 * @param {string} text
 *   Article (front matter included: it is short).
 * @returns {number}
 *   Words.
 */
function countWords(text) {
  return text.split(/\s+/).filter(Boolean).length
}

/**
 * @param {number} a
 *   Part.
 * @param {number} b
 *   Whole.
 * @returns {number | undefined}
 *   Share, if any.
 */
function ratio(a, b) {
  return b === 0 ? undefined : a / b
}

/**
 * @param {number | undefined} value
 *   Share.
 * @returns {string}
 *   Percentage, or a dash.
 */
function percent(value) {
  return value === undefined ? '–' : `${(value * 100).toFixed(1)}%`
}
