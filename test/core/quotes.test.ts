/**
 * Quotes and attributions (`src/core/quotes`): each pattern of issue 16 on
 * a short article of our own.
 */
import assert from 'node:assert/strict'
import test from 'node:test'
import {analyzeSync} from '../../src/core/analyze.ts'
import {viewText} from '../../src/core/document.ts'
import {normalizeOptions} from '../../src/core/options.ts'
import {blockView} from '../../src/core/quotes/find.ts'
import {isReported, shownSource, tellsSpeaker} from '../../src/core/quotes/reported.ts'
import {isBroken} from '../../src/core/quotes/tag-quotes.ts'
import {mendTags} from '../../src/core/quotes/tagger.ts'
import {tagDocument} from '../../src/core/tag.ts'
import type {NewsmarkResult, Quote} from '../../src/core/types.ts'

/**
 * Tag a text.
 *
 * @param text
 *   Markdown.
 * @returns
 *   Result.
 */
function tag(text: string): NewsmarkResult {
  return analyzeSync(text).data.newsmark!
}

/**
 * The quote whose content holds a piece of text.
 *
 * @param text
 *   Markdown.
 * @param result
 *   Result.
 * @param words
 *   Words of the content.
 * @returns
 *   Quote.
 */
function quoteWith(text: string, result: NewsmarkResult, words: string): Quote {
  const at = text.indexOf(words)
  assert.ok(at >= 0, `fixture holds ${words}`)
  const quote = result.quotes!.find((each) => each.start <= at && each.end >= at + words.length)
  assert.ok(quote, `Unexpected no quote over “${words}”, expected one in ${JSON.stringify(result.quotes)}`)
  return quote
}

/**
 * The name of the entity of a quote's source.
 *
 * @param result
 *   Result.
 * @param quote
 *   Quote.
 * @returns
 *   Name.
 */
function entityName(result: NewsmarkResult, quote: Quote): string | undefined {
  return result.entities.find((entity) => entity.id === quote.source?.entity)?.name
}

test('quotes: a title abbreviation before the name (Dr.)', () => {
  const text = '“The hospitals are ready for the winter,” said Dr. Mark Ghaly on Tuesday.\n'
  const result = tag(text)
  const quote = quoteWith(text, result, 'hospitals are ready')
  assert.equal(quote.kind, 'direct')
  assert.equal(quote.cue?.text, 'said')
  assert.equal(quote.source?.kind, 'named')
  assert.match(quote.source?.name ?? '', /Mark Ghaly/)
})

test('quotes: Sen. and Gov. before the name', () => {
  const text =
    'Sen. Alma Reyes said the budget would be balanced by next year.\n\n' +
    '“We will not raise taxes,” Gov. Tom Brandt told reporters.\n'
  const result = tag(text)
  assert.match(quoteWith(text, result, 'budget would be balanced').source?.name ?? '', /Alma Reyes/)
  assert.match(quoteWith(text, result, 'not raise taxes').source?.name ?? '', /Tom Brandt/)
})

test('quotes: a role and a name (the spokesperson, not the boss)', () => {
  const text = '“The president has done nothing wrong,” said Trump spokesperson Steven Cheung.\n'
  const result = tag(text)
  const quote = quoteWith(text, result, 'done nothing wrong')
  assert.equal(quote.source?.name, 'Steven Cheung')
  assert.equal(entityName(result, quote), 'Steven Cheung')
})

test('quotes: an apposition between source and cue is not the source', () => {
  const text =
    "Israel's defense minister, a senior ally of Prime Minister Benjamin Netanyahu, called the proposal a dangerous mistake.\n"
  const result = tag(text)
  for (const quote of result.quotes!) {
    assert.notEqual(entityName(result, quote), 'Benjamin Netanyahu', 'Unexpected source Netanyahu, expected the minister')
  }
})

test('quotes: an interrupted quote is one quote in parts', () => {
  const text = 'Anna Kowalski met the press on Monday.\n\n“We will,” she said, “respond within the week.”\n'
  const result = tag(text)
  const quote = quoteWith(text, result, 'We will')
  assert.equal(quote.parts?.length, 2)
  assert.ok(quote.parts![1].text.includes('respond within the week'))
  assert.equal(quote.kind, 'direct')
  assert.equal(quote.source?.text, 'she')
  assert.equal(entityName(result, quote), 'Anna Kowalski')
})

test('quotes: a pronoun goes back to the person named before', () => {
  const text = 'Maria Lopez has run the clinic for a decade.\n\nShe said the funding would run out in May.\n'
  const result = tag(text)
  const quote = quoteWith(text, result, 'funding would run out')
  assert.equal(quote.kind, 'indirect')
  assert.equal(entityName(result, quote), 'Maria Lopez')
})

test('quotes: a description goes back to the person with that role', () => {
  const text =
    'Spokeswoman Haley Morris said the campaign would move staff to Iowa.\n\n' +
    'The spokeswoman said the move would save money.\n'
  const result = tag(text)
  const quote = quoteWith(text, result, 'move would save money')
  assert.equal(entityName(result, quote), 'Haley Morris')
})

test('quotes: anonymous sources', () => {
  const text =
    'The talks have stalled over the border, a source familiar with the negotiations said.\n\n' +
    'Officials said the bridge would reopen on Friday.\n'
  const result = tag(text)
  assert.equal(quoteWith(text, result, 'talks have stalled').source?.kind, 'anonymous')
  assert.equal(quoteWith(text, result, 'bridge would reopen').source?.kind, 'anonymous')
})

test('quotes: a document as the source', () => {
  const text = 'According to a report by the inspector general, the agency lost track of 300 laptops.\n'
  const result = tag(text)
  const quote = quoteWith(text, result, 'lost track of 300 laptops')
  assert.equal(quote.source?.kind, 'document')
  assert.match(quote.cue?.text ?? '', /^According to/)
})

test('quotes: a role after the name goes to the person', () => {
  const text = 'Jay Lund, vice director of the water center, said the reservoirs were nearly full.\n'
  const result = tag(text)
  const quote = quoteWith(text, result, 'reservoirs were nearly full')
  assert.equal(entityName(result, quote), 'Jay Lund')
  const person = result.entities.find((entity) => entity.name === 'Jay Lund')
  assert.equal(person?.role, 'vice director of the water center')
})

test('quotes: nouns are not reporting verbs', () => {
  const text =
    'The factories of the United States with about 1.7 million workers are busy.\n\n' +
    'The deeply religious state revised its school rules last year.\n\n' +
    'Japan added another run in the sixth inning.\n'
  const result = tag(text)
  for (const quote of result.quotes!) {
    assert.ok(
      !['States', 'religious', 'Japan'].includes(quote.source?.text ?? ''),
      `Unexpected source ${quote.source?.text}, expected none of the nouns`
    )
  }
})

test('quotes: “was reported by” names the source after it', () => {
  const text = 'The strike on the depot was first reported by NATO.\n'
  const result = tag(text)
  const quote = quoteWith(text, result, 'strike on the depot')
  assert.equal(quote.source?.text, 'NATO')
  assert.match(quote.cue?.text ?? '', /reported by/)
})

test('quotes: claims point at their quote and take its speaker', () => {
  const text =
    'Finance Minister Eva Lind said inflation would fall to 2 percent by the end of 2026, down from 5 percent this year.\n'
  const result = tag(text)
  const claim = result.claims.find((each) => each.text.includes('inflation'))
  assert.ok(claim, 'a claim')
  assert.equal(typeof claim.quote, 'number')
  const quote = result.quotes![claim.quote!]
  assert.ok(quote.start >= claim.start && quote.end <= claim.end)
  assert.equal(claim.speaker?.name, quote.source?.name)
})

test('quotes: spans point into the source', () => {
  const text = 'Intro paragraph here.\n\n*“We will,”* he said, “respond.”\n'
  const file = analyzeSync(text)
  for (const quote of file.data.newsmark!.quotes!) {
    for (const span of [...(quote.parts ?? []), quote.cue, quote.source]) {
      if (span) assert.equal(text.slice(span.start, span.end), span.text)
    }
  }
})

test('quotes: none without claims', () => {
  const result = analyzeSync('“We will,” he said.\n', {claims: false}).data.newsmark!
  assert.equal(result.quotes, undefined)
})

test('quotes: a quote of two sentences goes to the cue after its second', () => {
  const text =
    '“I like the new bridge,” said Tom Baker.\n\nThe town plans a levee for next month, and dozens of volunteers offered to carry sand bags.\n\n“The rowing club meets on Sundays and we take turns to clear the paths along the canal. We try to do our share and we ask our rowers to help as well,” said Nora Quint, one of the club coaches.\n'
  const result = tag(text)
  const quote = quoteWith(text, result, 'rowing club meets')
  assert.equal(entityName(result, quote), 'Nora Quint')
  assert.equal(quoteWith(text, result, 'do our share'), quote)
})

test('quotes: a quote with no cue inside the writer’s paragraph is not the last speaker’s', () => {
  const text =
    '“The pumps are old,” said Ivo Marsh, the harbour engineer.\n\nThe ferry company answered in a short note: “Yesterday one of our boats touched the pier. Nobody was hurt, and the boat carried no passengers.”\n'
  const result = tag(text)
  const quote = quoteWith(text, result, 'Nobody was hurt')
  assert.notEqual(entityName(result, quote), 'Ivo Marsh')
})

test('quotes: a quote in a later paragraph still goes on the speaker of the one before', () => {
  const text =
    '“We will rebuild the school by autumn,” said Mayor Ada Finch. “The money is there.”\n\n“Nobody should doubt that the children will have their classrooms back.”\n'
  const result = tag(text)
  const quote = quoteWith(text, result, 'Nobody should doubt')
  assert.match(entityName(result, quote) ?? '', /Ada Finch$/)
})

test('quotes: a claim takes no speaker from a cue that reports nothing', () => {
  const text =
    'Senate Democrats on Tuesday narrowly passed a bill that keeps a pledge to give farmers more say over how river water is shared.\n\nTwo hikers were found dead and 10 more were treated in hospital Friday after rangers in North Utah got a call that they were “freezing” in a cave near the border.\n'
  // Every sentence a claim (threshold 0): the speakers are what is tested.
  const result = tagDocument(viewText(text), undefined, normalizeOptions(), undefined, {threshold: 0})
  for (const words of ['narrowly passed', 'hikers were found']) {
    const claim = result.claims.find((each) => each.text.includes(words))
    assert.ok(claim, `a claim with “${words}”`)
    assert.equal(claim.speaker, undefined, `no speaker for “${words}”, got ${claim.speaker?.name}`)
  }
})

test('quotes: tellsSpeaker reads the cue and the source', () => {
  const quote = (kind: Quote['kind'], cue: string | undefined, source: string, entity?: string): Quote => ({
    start: 0,
    end: 1,
    kind,
    ...(cue ? {cue: {start: 0, end: 1, text: cue}} : {}),
    source: {start: 0, end: 1, text: source, name: source, kind: 'named', ...(entity ? {entity} : {})}
  })
  assert.equal(tellsSpeaker(quote('indirect', 'said', 'Officials')), true)
  assert.equal(tellsSpeaker(quote('indirect', 'according to', 'a report by the agency')), true)
  // A cue that tells no words, or a work written, names no speaker.
  assert.equal(tellsSpeaker(quote('indirect', 'have said little about', 'Officials')), false)
  assert.equal(tellsSpeaker(quote('indirect', 'declined to say', 'The mayor')), false)
  assert.equal(tellsSpeaker(quote('indirect', 'haven’t yet answered', 'city officials')), false)
  assert.equal(tellsSpeaker(quote('indirect', 'wrote his first opera,', 'he', 'e3')), false)
  assert.equal(tellsSpeaker(quote('indirect', 'wrote in a blog post', 'he', 'e3')), true)
  assert.equal(tellsSpeaker(quote('indirect', 'learned', 'she', 'e3')), false)
  assert.equal(tellsSpeaker(quote('indirect', 'wanted', 'the railway', 'e1')), false)
  assert.equal(tellsSpeaker(quote('indirect', 'were found', 'Two hikers')), false)
  assert.equal(tellsSpeaker(quote('mixed', 'was elected as', 'Ann Moss', 'e2')), false)
  assert.equal(tellsSpeaker(quote('indirect', undefined, 'Ann Moss', 'e2')), false)
  // A quotation in marks is its source's, whatever the cue.
  assert.equal(tellsSpeaker(quote('direct', undefined, 'Ann Moss', 'e2')), true)
  // Sources that are no one.
  assert.equal(tellsSpeaker(quote('indirect', 'suggests', 'further')), false)
  assert.equal(tellsSpeaker(quote('indirect', 'said', 'they both had visited the site before')), false)
  assert.equal(tellsSpeaker(quote('indirect', 'found', 'Another option is the red sauce, which …')), false)
  assert.equal(tellsSpeaker(quote('indirect', 'said', 'they')), true)
  // Things are no one, whatever their verb; people, groups, organisations
  // and records are.
  assert.equal(tellsSpeaker(quote('indirect', 'adds', 'The detour')), false)
  assert.equal(tellsSpeaker(quote('indirect', 'showed', 'The measure')), false)
  assert.equal(tellsSpeaker(quote('direct', 'said', 'the scheme')), false)
  assert.equal(tellsSpeaker(quote('indirect', 'shows', 'A photo of the crash posted online')), false)
  assert.equal(tellsSpeaker(quote('indirect', 'for', 'careful synthesis of rare salts')), false)
  assert.equal(tellsSpeaker(quote('direct', 'said', 'the forecast')), true)
  assert.equal(tellsSpeaker(quote('direct', 'told us', 'a driver')), true)
  assert.equal(tellsSpeaker(quote('indirect', 'said', 'the bakers')), true)
  assert.equal(tellsSpeaker(quote('indirect', 'said', 'Residents of the valley')), true)
  assert.equal(tellsSpeaker(quote('indirect', 'said', 'the ministry')), true)
  assert.equal(tellsSpeaker(quote('indirect', 'according to', 'the timetable')), true)
  // A capitalised cue after the source is a title's word, not a verb.
  const title: Quote = {
    start: 21,
    end: 40,
    kind: 'indirect',
    cue: {start: 17, end: 20, text: 'Say'},
    source: {start: 0, end: 16, text: 'Pick a plan Next', name: 'Pick a plan Next', kind: 'named'}
  }
  assert.equal(tellsSpeaker(title), false)
  assert.equal(tellsSpeaker({...title, cue: {start: 17, end: 20, text: 'say'}}), true)
})

test('quotes: a pronoun goes back to the one who spoke just before, not the last person named', () => {
  const text =
    'Rita Moss walks to the stage. Moss says the vote was fair to Paula Reyes. She said she has a lot of respect for Reyes.\n\nLena Ortiz told Harper Quill that the tour had been hard on her. “I needed a long rest after it, and I took one,” she said.\n'
  const result = tag(text)
  assert.equal(entityName(result, quoteWith(text, result, 'a lot of respect')), 'Rita Moss')
  assert.equal(entityName(result, quoteWith(text, result, 'needed a long rest')), 'Lena Ortiz')
})

test('quotes: an organisation and a title, then the name after a comma, is the person', () => {
  const text = '“We see this as a matter of fair pay,” said Ohio Department of Labor Deputy Director, Ann Moss.\n'
  const result = tag(text)
  assert.equal(entityName(result, quoteWith(text, result, 'fair pay')), 'Ann Moss')
})

test('quotes: a source in a link is named by its words, not its Markdown', () => {
  const text = 'The bus will run every 20 minutes while the diversion is in place, according to the [timetable published by the operator](https://example.com/timetables).\n'
  const quote = quoteWith(text, tag(text), 'every 20 minutes')
  assert.equal(quote.source?.name, 'the timetable published by the operator')
  // The span is still the source's place in the Markdown.
  assert.equal(quote.source?.text, text.slice(quote.source!.start, quote.source!.end))
  const claim = tag(text).claims.find((each) => each.text.includes('every 20 minutes'))
  if (claim) assert.equal(claim.speaker?.name, 'the timetable published by the operator')
})

test('quotes: what someone did is no quote a reader is shown; words reported with a reporting cue are', () => {
  const text = 'The council passed legislation on the bridge tolls last year. The mayor said the bridge would reopen in May. “It is a nuisance,” a driver told us.\n'
  const result = tagDocument(viewText(text), undefined, normalizeOptions({})) as NewsmarkResult
  const quotes = result.quotes ?? []
  const about = (words: string) => quotes.find((quote) => text.slice(quote.start, quote.end).includes(words))
  // The model takes “passed legislation on” for a cue: kept, not shown.
  const adds = about('bridge tolls')
  assert.ok(adds?.source, 'the model’s attribution is kept')
  assert.equal(isReported(adds), false, 'a verb of doing is no cue')
  assert.equal(shownSource(adds), undefined)
  const said = about('the bridge would reopen')
  assert.ok(said && isReported(said))
  assert.match(shownSource(said)?.text ?? '', /mayor/)
  const direct = about('It is a nuisance')
  assert.ok(direct && isReported(direct), 'words in quotation marks are always shown')
})

test('quotes: a thing that “adds” or “showed” is no source a reader is shown', () => {
  const text = 'The new detour adds four miles to each trip for commuters from the north.\n\nThe scheme showed that the city could cut traffic by a third.\n\nThe city engineer said the detour would stay until June.\n'
  const result = tag(text)
  assert.equal(shownSource(quoteWith(text, result, 'four miles')), undefined)
  assert.equal(shownSource(quoteWith(text, result, 'cut traffic')), undefined)
  assert.match(shownSource(quoteWith(text, result, 'stay until June'))?.text ?? '', /engineer/)
})

test('quotes: an attribution after the words, at the end of the sentence, takes them as its quote', () => {
  const text =
    'It was cheaper for the council to buy the old mill and the land around it than to build a new bridge that few would use, Marsh said.\n\nThe floods that hit many of the valley towns are a drain on local trade, farm experts warn.\n\nThe region needs far more power than it makes, say experts.\n\nThe two dead were in the back of the van, the statement said.\n\nWe drove to the coast in the old car, which I had painted red.\n'
  const result = tag(text)
  assert.equal(entityName(result, quoteWith(text, result, 'cheaper for the council')), 'Marsh')
  assert.equal(shownSource(quoteWith(text, result, 'a drain on local trade'))?.name, 'farm experts')
  assert.equal(shownSource(quoteWith(text, result, 'far more power'))?.name, 'experts')
  assert.equal(shownSource(quoteWith(text, result, 'back of the van'))?.name, 'the statement')
  // A sentence with no reporting verb after its last comma stays no quote.
  const at = text.indexOf('the old car')
  assert.equal(result.quotes!.some((quote) => quote.start <= at && quote.end > at), false)
})

test('quotes: attributions the tagger misses at the start of a sentence, after an age, or over a source', () => {
  const text = [
    'In the port city of Tema, shop owner Ada Obi, 41, said she pays more for power than for rent.',
    'West Clinic in Leeds tweeted that it had seen two patients.',
    'Experts fear wild valley trout, which make up a large part of the local catch, are close to gone.',
    'As they walked out, the crowd sang a rude chant about the mayor, she said in a post.',
    'Those delays and added costs were avoided once the bridge dispute was settled, Lund and an executive with the Red Hill Valley Group said.',
    'The rail firm wanted the two bridges to carry a second track one day, terms that were agreed in a deal signed in May, Lund said.'
  ].join('\n\n') + '\n'
  const result = tag(text)
  assert.equal(entityName(result, quoteWith(text, result, 'she pays more')), 'Ada Obi')
  assert.match(shownSource(quoteWith(text, result, 'had seen two patients'))?.text ?? '', /West Clinic/)
  const trout = quoteWith(text, result, 'wild valley trout')
  assert.equal(shownSource(trout)?.name, 'Experts')
  assert.ok(text.slice(trout.start, trout.end).endsWith('close to gone'), 'the content runs over the relative clause')
  const chant = quoteWith(text, result, 'sang a rude chant')
  assert.equal(chant.cue?.text, 'said in a post')
  assert.ok(text.slice(chant.start, chant.end).startsWith('As they walked out'))
  assert.match(shownSource(quoteWith(text, result, 'bridge dispute was settled'))?.text ?? '', /^Lund and an executive/)
  const firm = quoteWith(text, result, 'second track')
  assert.equal(firm.cue?.text, 'said')
  assert.equal(shownSource(firm)?.text, 'Lund')
})

test('quotes: a quotation after a colon is the words of the name that opens the sentence', () => {
  const text =
    'Lund put it bluntly: “We will not pay for the bridge, not now and not in ten years.”\n\nThe Acme unit answered in a short statement: “On Monday a van of ours struck a city bus from behind. No one was hurt.”\n\nIn March, the plan changed: “All of it starts again from the first page.”\n'
  const result = tag(text)
  const lund = quoteWith(text, result, 'We will not pay')
  assert.equal(shownSource(lund)?.name, 'Lund')
  assert.equal(lund.kind, 'direct')
  assert.ok(text.slice(lund.start, lund.end).endsWith('ten years.”'), 'the whole quotation is its content')
  const acme = quoteWith(text, result, 'No one was hurt')
  assert.ok(acme.start <= text.indexOf('On Monday a van'), 'one quote over both sentences')
  assert.match(shownSource(acme)?.text ?? '', /Acme/)
  // No name opens the sentence: no source.
  const at = text.indexOf('All of it')
  const march = result.quotes!.find((quote) => quote.start <= at && quote.end > at)
  assert.equal(march ? shownSource(march) : undefined, undefined)
})

test('quotes: a name, then adverbs or a day, then a reporting verb opens an attribution', () => {
  const text =
    'Mira News on Thursday reported another case seen by doctors at the Bay Eye Clinic, in which a woman lost an eye.\n\nBut, the Health Board has also advised clinics to look at cases from early last year.\n\nThe old mill on the hill still stands over the farm and its fields.\n'
  const result = tag(text)
  assert.match(shownSource(quoteWith(text, result, 'another case seen'))?.text ?? '', /^Mira News$/)
  assert.match(shownSource(quoteWith(text, result, 'clinics to look'))?.text ?? '', /Health Board/)
  const at = text.indexOf('still stands')
  assert.equal(result.quotes!.some((quote) => quote.start <= at && quote.end > at && shownSource(quote)), false)
})

test('quotes: a clause after “said” that opens with a pronoun is the content, and the words before are its source', () => {
  const text = 'The two senators who joined the visit as members of the Budget Committee said they both had seen such sites before.\n'
  const result = tag(text)
  const quote = quoteWith(text, result, 'both had seen')
  assert.equal(text.slice(quote.start, quote.end), 'they both had seen such sites before')
  assert.match(shownSource(quote)?.text ?? '', /^The two senators who joined/)
})

test('quotes: a quotation ends at its closing mark, and the sentence after it is read on its own', () => {
  const text =
    'There is no cure for the blight yet, and as my colleague Ada Vance writes, “nobody has stopped trying.” But the researchers working on new strains say that the fast spread of the blight adds urgency to the hunt for a cure.\n'
  const result = tag(text)
  const vance = quoteWith(text, result, 'stopped trying')
  assert.ok(text.slice(vance.start, vance.end).endsWith('trying.”'), 'the quotation stops at its mark')
  assert.match(shownSource(vance)?.text ?? '', /Ada Vance/)
  const growers = quoteWith(text, result, 'fast spread of the blight')
  assert.equal(shownSource(growers)?.text, 'the researchers working on new strains')
})

test('quotes: mendTags splits a sentence tagged all content at a trailing “…, Name and an aide said.”', () => {
  const text = 'The crews had to wait for the water to go down before they could work again, Lund and an aide with the Red Hill Group said.\n'
  const view = blockView(viewText(text).sentences)
  const tags: string[] = view.words.map((_, index) => (index === 0 ? 'B-CON' : 'I-CON'))
  tags[tags.length - 1] = 'O'
  const mended = mendTags(view, tags)
  const of = (word: string) => mended[view.words.indexOf(word)]
  assert.equal(mended[0], 'B-CON')
  assert.equal(of('again'), 'I-CON')
  assert.equal(of(','), 'O')
  assert.equal(of('lund'), 'B-SRC')
  assert.equal(of('group'), 'I-SRC')
  assert.equal(of('said'), 'B-CUE')
})

test('quotes: a source that runs past its sentence (a party and state in parentheses) does not stop the tagging', () => {
  const text = '"We should wait for the report before we vote on anything," said Rep. Anna M. Lund Jr. (D-Ore.), a Sanders supporter.\n'
  const result = tag(text)
  const quote = quoteWith(text, result, 'wait for the report')
  assert.equal(quote.cue?.text, 'said')
  assert.match(quote.source?.text ?? '', /^Rep\. Anna M\. Lund/)
})

test('quotes: two apostrophes are a quotation mark', () => {
  const text = "''The board has not shown us a plan for the winter,'' Ann Lee, the council's chair, told reporters. ''We asked twice.''\n"
  const result = tag(text)
  const quote = quoteWith(text, result, 'The board has not')
  assert.equal(quote.kind, 'direct')
  assert.equal(quote.cue?.text, 'told')
  assert.equal(quote.parts?.length, 2)
  assert.equal(quote.parts![0].text, "''The board has not shown us a plan for the winter,''")
  assert.match(quote.source?.name ?? '', /Ann Lee/)
})

test('quotes: a name alone before a colon is the source, the colon the cue', () => {
  const text =
    'Ann Moss: Council Is ‘Wrong’ on Parking Fees\n\n' +
    'The mayor spoke on a morning show.\n\n' +
    'Ann Moss: Well, the numbers are better than anyone expected.\n'
  const result = tag(text)
  for (const words of ['Council Is', 'the numbers are better']) {
    const quote = quoteWith(text, result, words)
    assert.equal(quote.cue?.text, ':')
    assert.match(quote.source?.text ?? '', /Moss$/)
  }
})

test('quotes: a label or a dateline before a colon is no source', () => {
  const text = 'Update: The council said the vote would be held on Friday.\n\nWASHINGTON: Officials said the talks would resume.\n'
  const result = tag(text)
  for (const quote of result.quotes!) {
    assert.notEqual(quote.cue?.text, ':', `Unexpected colon cue on ${JSON.stringify(quote)}`)
  }
})

test('quotes: a relative pronoun source names the person before it', () => {
  const text =
    'Rep. Tom Lund (D-Ore.), who wrote a bill on the matter last year, said in a statement that the plan was a good first step.\n\n' +
    'Critics in Congress who opposed the plan said it came too late.\n'
  const result = tag(text)
  const quote = quoteWith(text, result, 'a good first step')
  assert.equal(quote.source?.name, 'Tom Lund')
  assert.equal(quote.source?.kind, 'named')
  const other = quoteWith(text, result, 'it came too late')
  assert.notEqual(other.source?.name, 'Congress')
})

test('quotes: a question in quotation marks takes the attribution after it', () => {
  const text = 'Volunteers crowded the hall.\n\n"Did you get the names of everyone here?" Ann Moss asked. "Good, thank you!"\n'
  const result = tag(text)
  const quote = quoteWith(text, result, 'Did you get the names')
  assert.equal(quote.cue?.text, 'asked')
  assert.equal(quote.source?.name, 'Ann Moss')
})

test('quotes: mendTags cuts a cue “according to …” to the two words, the rest the source', () => {
  const text = 'The mayor was furious about the delay, according to an account she gave to a local paper.\n'
  const view = blockView(viewText(text).sentences)
  const at = (word: string) => view.words.indexOf(word)
  const tags: string[] = view.words.map((_, index) => (index === 0 ? 'B-CON' : index < at(',') ? 'I-CON' : 'O'))
  // As the tagger reads it in some sentences: the cue runs on.
  tags[at('according')] = 'B-CUE'
  for (let index = at('according') + 1; index <= at('account'); index++) tags[index] = 'I-CUE'
  const mended = mendTags(view, tags)
  assert.equal(mended[at('according')], 'B-CUE')
  assert.equal(mended[at('according') + 1], 'I-CUE')
  assert.equal(mended[at('an')], 'B-SRC')
  assert.equal(mended[at('paper')], 'I-SRC')
  assert.equal(mended[at('.')], 'O')
})

test('quotes: mendTags reads an untagged sentence whose first comma comes right before a verb (no phrase before it) without failing', () => {
  const text = 'Acme found the file, reported it to the police, and deleted it on Monday.\n'
  const view = blockView(viewText(text).sentences)
  const tags: string[] = view.words.map(() => 'O')
  const mended = mendTags(view, tags)
  assert.deepEqual(mended, view.words.map(() => 'O'))
  assert.doesNotThrow(() => tag(text))
})

/**
 * Tags of a sentence as the tagger reads some: a cue, then content from
 * a given word to the end of the sentence.
 *
 * @param text
 *   One sentence.
 * @param cue
 *   The cue word.
 * @param from
 *   First word tagged content.
 * @returns
 *   View, tags and a word finder.
 */
function cueThenContent(text: string, cue: string, from: string) {
  const view = blockView(viewText(text).sentences)
  const at = (word: string) => view.words.indexOf(word)
  const tags: string[] = view.words.map((_, index) =>
    index < at(cue) ? (index === 0 ? 'B-SRC' : 'I-SRC') : index === at(cue) ? 'B-CUE' : index === at(from) ? 'B-CON' : index > at(from) && index < view.words.length - 1 ? 'I-CON' : 'O'
  )
  return {view, tags, at}
}

test('quotes: mendTags starts reported words at “that” after where, when or to whom they were said', () => {
  const cases: Array<[string, string, string]> = [
    ['Moss said in a long interview on the radio that the bridge would cost more than the council had planned.', 'said', 'in'],
    ['Moss told reporters at a stop in Leeds, Ohio, that the bridge would cost more than planned.', 'told', 'reporters'],
    ['Moss told reporters at a stop in Leeds, Ohio, that the bridge would cost more than planned.', 'told', 'at'],
    ['The board wrote Tuesday on its website that the vote would go ahead in May.', 'wrote', 'tuesday'],
    ['Moss told Mira News that the vote would go ahead in May.', 'told', 'mira']
  ]
  for (const [text, cue, from] of cases) {
    const {view, tags, at} = cueThenContent(text, cue, from)
    const mended = mendTags(view, tags)
    assert.equal(mended[at('that')], 'B-CON', text)
    assert.equal(mended[at(from)], 'O', text)
    assert.equal(mended[at('that') + 1], 'I-CON', text)
  }
})

test('quotes: mendTags keeps content that starts before a relative “that” or a clause of its own', () => {
  const cases: Array<[string, string, string]> = [
    // The plan is what was said about: its “that” is a relative pronoun.
    ['Moss said the plan that the council drafted would cost more than planned.', 'said', 'the'],
    ['Moss promised to clean up the old mine and the land that had been ruined.', 'promised', 'to'],
    ['Moss told a young woman who suggested that the vote was rigged to go and vote.', 'told', 'a']
  ]
  for (const [text, cue, from] of cases) {
    const {view, tags, at} = cueThenContent(text, cue, from)
    const mended = mendTags(view, [...tags])
    assert.equal(mended[at(from)], 'B-CON', text)
    assert.equal(mended[at('that')], 'I-CON', text)
  }
})

test('quotes: mendTags reads a name, an apposition with commas of its own, and a reporting verb that opens a sentence', () => {
  const text =
    'Norvik Labs AB, a leading maker of lab pumps and filters, and a pioneer in small-volume blood tests, today announced the launch of three new services for drug makers.\n'
  const view = blockView(viewText(text).sentences)
  const at = (word: string) => view.words.indexOf(word)
  const mended = mendTags(view, view.words.map(() => 'O'))
  assert.equal(mended[at('norvik')], 'B-SRC')
  assert.equal(mended[at('tests')], 'I-SRC')
  assert.equal(mended[at('today')], 'O')
  assert.equal(mended[at('announced')], 'B-CUE')
  assert.equal(mended[at('launch') - 1], 'B-CON')
  assert.equal(mended[at('makers')], 'I-CON')
  const result = tag(text)
  const quote = quoteWith(text, result, 'the launch of three new services')
  assert.match(shownSource(quote)?.name ?? '', /^Norvik Labs/)
})

test('quotes: a ticker in brackets is part of the name that announces, and a time word the tagger took for a source is none', () => {
  const text = 'Norvik Labs Inc. (NASDAQ: NVLB), a leading maker of lab pumps and filters, today announced that its first blood test for cats is now available to order.\n'
  const view = blockView(viewText(text).sentences)
  const at = (word: string) => view.words.indexOf(word)
  // As the tagger read it: `today` the source, the verb the cue, the rest content.
  const tags = view.words.map((_, index) => (index === at('today') ? 'B-SRC' : index === at('announced') ? 'B-CUE' : index > at('announced') ? (index === at('announced') + 1 ? 'B-CON' : 'I-CON') : 'O'))
  const mended = mendTags(view, tags)
  assert.equal(mended[at('norvik')], 'B-SRC')
  assert.equal(mended[at('today')], 'O')
  assert.equal(mended[at('announced')], 'B-CUE')
  const quote = quoteWith(text, tag(text), 'its first blood test for cats')
  assert.match(shownSource(quote)?.name ?? '', /^Norvik Labs/)
})

test('quotes: a passive accusation, an agreement to act and a plea report nothing, and a reported clause cut at a fronted phrase runs on', () => {
  const text =
    'She is also charged with three counts of “honest services” wire fraud.\n\nThe state says that under the plan, Ada Lund agreed to move $40,000 from a party fund to a charity.\n\nLund pleaded guilty to fraud in May.\n\nThe mayor said he was charged with fraud in 2019.\n'
  const result = tag(text)
  const quotes = result.quotes ?? []
  assert.ok(!quotes.some((quote) => /honest services/.test(text.slice(quote.start, quote.end))), 'no quote of the charges')
  assert.ok(!quotes.some((quote) => /^to fraud/.test(text.slice(quote.start, quote.end))), 'no quote of the plea')
  const claim = quoteWith(text, result, 'Ada Lund agreed to move $40,000')
  assert.equal(shownSource(claim)?.name, 'The state')
  assert.ok(!quotes.some((quote) => quote.source?.name === 'Ada Lund'), 'Lund is no source')
  // Someone who says that another was charged still speaks.
  assert.equal(shownSource(quoteWith(text, result, 'he was charged with fraud'))?.name, 'The mayor')
})

test('quotes: a choice, an attempt or a lesson is no speech; research that explains or estimates is', () => {
  const text =
    'The coach picked Ada Lund to start the game on Friday.\n\nThe team tried to win the match in the last minute.\n\nThe researchers estimate that 3 million people could face floods by 2050.\n'
  const result = tag(text)
  const quotes = result.quotes ?? []
  assert.ok(!quotes.some((quote) => /Ada Lund to start|to win the match/.test(text.slice(quote.start, quote.end))), JSON.stringify(quotes))
  assert.equal(shownSource(quoteWith(text, result, '3 million people'))?.name, 'The researchers')
})

test('quotes: a definition, the reader, and seeing or studying are no speech; seeing something as something is', () => {
  const text =
    'A storm alert is issued when a dangerous storm is about to strike.\n\nYou can see the newest rainfall figures on our map.\n\nA team of scientists has analyzed how cut off coastal towns could become.\n\nWhile we see tornadoes in the area, they are rare.\n'
  const quotes = tag(text).quotes ?? []
  assert.deepEqual(quotes.map((quote) => text.slice(quote.start, quote.end)), [])
})

test('quotes: mendTags takes no opening phrase that is no name, nor a clause after the apposition, for a source', () => {
  for (const text of [
    'In March, the month the plan began, the council announced the sale of the old mill.\n',
    'Norvik Labs AB, a maker of lab pumps, has grown fast and sold its Leeds plant, the board said on Monday.\n'
  ]) {
    const view = blockView(viewText(text).sentences)
    const mended = mendTags(view, view.words.map(() => 'O'))
    assert.equal(mended[view.words.indexOf('norvik')] ?? 'O', 'O', text)
    assert.equal(mended[view.words.indexOf('in')] ?? 'O', 'O', text)
  }
})

test('quotes: a pronoun source is not a person named in the words quoted before it', () => {
  const text = 'Tom Lund runs the shop on Main Street. Ben Reyes will never win the vote, he said.\n'
  const result = tag(text)
  const quote = quoteWith(text, result, 'will never win the vote')
  assert.equal(quote.source?.text, 'he')
  assert.equal(entityName(result, quote), 'Tom Lund')
})

test('quotes: a pronoun source may still be a person named in the words after it', () => {
  const text = 'Tom Lund owns the old mill. Ben Reyes runs the shop in it. He says the rent is too high and that Reyes may have to close it.\n'
  const result = tag(text)
  const quote = quoteWith(text, result, 'the rent is too high')
  assert.equal(entityName(result, quote), 'Ben Reyes')
})

test('quotes: a trailing “…, she said in a post” takes a sentence with a phrase in marks as its words', () => {
  const text = 'As they left, the fans sang the “Go Home Now!” song at the mayor, she said in a post.\n'
  const result = tag(text)
  const quote = quoteWith(text, result, 'the fans sang')
  assert.equal(quote.cue?.text, 'said in a post')
  assert.equal(quote.source?.text, 'she')
  assert.ok(text.slice(quote.start, quote.end).startsWith('As they left'))
  // A quotation of its own before the comma is left alone.
  const own = 'The mayor said “we will not pay for any of it, not now and not in ten years” at the meeting, Lund said in a post.\n'
  const other = tag(own)
  const first = quoteWith(own, other, 'we will not pay')
  assert.notEqual(first.cue?.text, 'said in a post')
})

test('quotes: a name (and titles) that signs a quotation at the end of its paragraph is its source', () => {
  const text =
    '“We will not pay for the new bridge, not this year.” The Leeds council voted against it on Monday.\n\nThe mill by the river was sold in May.\n\n“The rent is far too high for a small shop like ours.” Ada Lund and her staff closed the shop.\n\nNorvik Labs opened a new plant in Leeds this week.\n\n“With the new plant we can serve our customers across the whole region, faster than before. We also welcome Ben Reyes to lead it.” Ada Lund, General Manager, Pump Division, Norvik Labs\n'
  const result = tag(text)
  const signed = quoteWith(text, result, 'serve our customers')
  assert.equal(signed.kind, 'direct')
  assert.equal(entityName(result, signed), 'Ada Lund')
  assert.equal(shownSource(signed)?.name, 'Ada Lund')
  // A sentence after the quotation, not a signature: no source from it.
  for (const words of ['not pay for the new bridge', 'far too high']) {
    assert.equal(quoteWith(text, result, words).source, undefined, words)
  }
})

test('quotes: mendTags gives a cue found with its words but no source the name before an apposition', () => {
  const text = 'Ada Lund, speaking to a farm group in Leeds, said she would order a full review of the new bridge plans.\n'
  const view = blockView(viewText(text).sentences)
  const at = (word: string) => view.words.indexOf(word)
  // As the tagger reads it: the name and apposition taken for content.
  const tags: string[] = view.words.map((word, index) =>
    index < at('said') - 1 ? (index === 0 ? 'B-CON' : 'I-CON') : word === 'said' ? 'B-CUE' : index === at('she') ? 'B-CON' : index > at('she') && index < view.words.length - 1 ? 'I-CON' : 'O'
  )
  const mended = mendTags(view, tags)
  assert.equal(mended[at('ada')], 'B-SRC')
  assert.equal(mended[at('leeds')], 'I-SRC')
  assert.equal(mended[at('said') - 1], 'O')
  assert.equal(mended[at('said')], 'B-CUE')
  assert.equal(mended[at('she')], 'B-CON')
  const result = tag(text)
  assert.equal(entityName(result, quoteWith(text, result, 'would order a full review')), 'Ada Lund')
  // A cue whose words come before it (no content after it) is left alone.
  const other = 'Lund, the mayor of Leeds, will order a full review of the plans, he said.\n'
  const otherView = blockView(viewText(other).sentences)
  const words = otherView.words
  const otherTags: string[] = words.map((word, index) =>
    index < words.indexOf('he') - 1 ? (index === 0 ? 'B-CON' : 'I-CON') : word === 'he' ? 'B-SRC' : word === 'said' ? 'B-CUE' : 'O'
  )
  assert.deepEqual(mendTags(otherView, [...otherTags]), otherTags)
})

test('quotes: no source from a sentence adverb before a name and its apposition, a photo credit or a link after a quotation', () => {
  const opened = 'Yesterday, Acme, a maker of phones and tablets, said that sales of its new phone rose by 40 percent in the first quarter.\n'
  const source = tag(opened).quotes?.find((quote) => quote.source)?.source
  assert.ok(!source || !/yesterday/i.test(source.text), JSON.stringify(source))
  for (const after of ['Getty Images', 'Read More', 'AP Photo']) {
    const text = `“We will rebuild the whole town, every street of it, before the winter comes.” ${after}\n`
    assert.equal(quoteWith(text, tag(text), 'rebuild the whole town').source, undefined, after)
  }
})

test('quotes: “that” before a noun of time is no start of what was said', () => {
  const text = 'The police said at least 40 people died that night in the fire near the station.\n'
  const quote = quoteWith(text, tag(text), 'at least 40 people died')
  assert.equal(text.slice(quote.start, quote.start + 8), 'at least')
  // The complementizer still opens it.
  const told = 'The mayor told reporters at a stop in Leeds, Ohio, that the plant would close next year.\n'
  const reported = quoteWith(told, tag(told), 'the plant would close')
  assert.equal(told.slice(reported.start, reported.start + 4), 'that')
})

test('quotes: a trailing “…, as noted in a report” names who says the sentence', () => {
  const text = 'The river rose over the old weir, which suggests that the dam failed early, as noted in a Mira Weekly report.\n'
  const quote = quoteWith(text, tag(text), 'the dam failed early')
  assert.equal(quote.cue?.text, 'noted in')
  assert.equal(shownSource(quote)?.text, 'a Mira Weekly report')
  const by = 'The ferry ran late for three days in a row, as reported by the Harbour Office.\n'
  assert.equal(shownSource(quoteWith(by, tag(by), 'ferry ran late'))?.text, 'the Harbour Office')
  // A source before the comma keeps its quote; no one after “in” names no one.
  const named = 'Ada Lund said the ferry ran late for three days, as reported by the Harbour Office.\n'
  assert.equal(shownSource(quoteWith(named, tag(named), 'ferry ran late'))?.text, 'Ada Lund')
  const nobody = 'The ferry ran late for three days in a row, as noted in passing.\n'
  assert.ok(!tag(nobody).quotes?.some((quote) => quote.cue?.text === 'noted in'))
})

test('quotes: a noun of people and whom they work for, with an apposition, opens an attribution', () => {
  // Untagged opening, a quote nested late in the reported words.
  const long = 'The engineers behind the very popular mobile phone game app, Plinko, confirmed to Mira News that the service was shut down after users began reporting errors.\n'
  const quote = quoteWith(long, tag(long), 'the service was shut down')
  assert.match(shownSource(quote)?.text ?? '', /^The engineers behind/)
  assert.equal(long.slice(quote.start, quote.start + 4), 'that')
  const short = 'The engineers behind Plinko confirmed to Mira News that the service was shut down.\n'
  assert.equal(shownSource(quoteWith(short, tag(short), 'the service was shut down'))?.text, 'The engineers behind Plinko')
  // The tagger found the cue and its words but took the apposition for the source.
  const text = 'The makers behind the small garden tool, Rakely, confirmed to Mira News that the tool was recalled.\n'
  const view = blockView(viewText(text).sentences)
  const at = (word: string) => view.words.indexOf(word)
  const tags: string[] = view.words.map((word, index) =>
    word === 'rakely' ? 'B-SRC' : word === 'confirmed' ? 'B-CUE' : index === at('to') ? 'B-CON' : index > at('to') && index < view.words.length - 1 ? 'I-CON' : 'O'
  )
  const mended = mendTags(view, tags)
  assert.equal(mended[at('the')], 'B-SRC')
  assert.equal(mended[at('rakely')], 'I-SRC')
  assert.equal(mended[at('confirmed')], 'B-CUE')
  // A name before it is no noun of people: left alone.
  const other = 'The garden behind the old mill, Rakely, confirmed to Mira News that the tool was recalled.\n'
  const otherView = blockView(viewText(other).sentences)
  const otherTags: string[] = otherView.words.map((word, index) =>
    word === 'rakely' ? 'B-SRC' : word === 'confirmed' ? 'B-CUE' : index === otherView.words.indexOf('to') ? 'B-CON' : index > otherView.words.indexOf('to') && index < otherView.words.length - 1 ? 'I-CON' : 'O'
  )
  assert.equal(mendTags(otherView, [...otherTags])[otherView.words.indexOf('rakely')], 'B-SRC')
})

test('quotes: an untagged “X told Y to …” opens an attribution whose words start at “to”', () => {
  const text = 'Last spring, Norvik and Pell also told drivers more than once to leave their vans outside because the batteries could overheat.\n'
  const quote = quoteWith(text, tag(text), 'leave their vans outside')
  assert.equal(shownSource(quote)?.text, 'Norvik and Pell')
  assert.equal(text.slice(quote.start, quote.start + 8), 'to leave')
  assert.equal(quote.cue?.text.split(' ')[0], 'told')
  // Whom a story was told to is no words said.
  const plain = 'Last spring, Norvik and Pell also told a story to the children of the town.\n'
  assert.ok(!tag(plain).quotes?.some((each) => plain.slice(each.start, each.start + 6) === 'to the'))
})

test('quotes: a name, its verb and “…, finding that …” make the name the source of what follows “that”', () => {
  const text = 'Harbor Watch examined water levels in the bay beginning in 1980, finding that the average tide has risen by four inches in 12 towns.\n'
  const quote = quoteWith(text, tag(text), 'average tide has risen')
  assert.equal(quote.cue?.text, 'finding')
  assert.equal(shownSource(quote)?.text, 'Harbor Watch')
  assert.equal(text.slice(quote.start, quote.start + 8), 'that the')
  // No name opening the sentence: no source.
  const passive = 'The plan was passed in March after a long debate, saying that the tax would rise.\n'
  assert.ok(!tag(passive).quotes?.some((each) => shownSource(each)))
  // A speaker the sentence already has keeps the first words.
  const said = 'Ada Lund said the plan failed, adding that the city would try again next year.\n'
  assert.equal(shownSource(quoteWith(said, tag(said), 'the plan failed'))?.text, 'Ada Lund')
})

test('quotes: a source is a person when its entity is, whatever the tagger typed that mention', async () => {
  const {clusterMentions} = await import('../../src/core/entities/cluster.ts')
  const {findMentions} = await import('../../src/core/entities/mentions.ts')
  const {tagQuotes} = await import('../../src/core/quotes/tag-quotes.ts')
  const text = 'Brightway’s new CEO Olusegun Adebayo took over on Monday.\n\n“Our health needs to be stronger,” Adebayo wrote in a letter.\n'
  const document = viewText(text)
  const mentions = findMentions(document)
  const {entities, entityOf} = clusterMentions(mentions)
  const person = entities.find((entity) => entity.name.endsWith('Adebayo'))
  assert.equal(person?.type, 'PER')
  // As on a real article: the title made the cluster a person, while the
  // tagger had typed the lone surname an organisation.
  const typed = mentions.map((mention, index) => (entityOf[index] === person.id && mention.start > text.indexOf('”') ? {...mention, type: 'ORG' as const} : mention))
  const [quote] = tagQuotes(document, typed, entityOf, entities)
  assert.equal(quote?.source?.entity, person.id)
  assert.equal(quote?.source?.kind, 'named')
})

test('quotes: after a cue that ends in “to” or “with”, who was addressed is neither what was said nor its source', () => {
  const text =
    'Vashti, who became chief executive on Monday, said in a note to Brewster’s cashiers Friday that the monthly shifts will keep him connected.\n\nAna Ruiz said in an interview with local reporters on Friday that the plant would close.\n'
  const result = tag(text)
  const letter = quoteWith(text, result, 'monthly shifts')
  assert.match(text.slice(letter.start, letter.end), /^that the monthly shifts/)
  assert.match(letter.source?.text ?? '', /^Vashti/)
  const interview = quoteWith(text, result, 'plant would close')
  assert.match(text.slice(interview.start, interview.end), /^that the plant/)
  assert.equal(interview.source?.text, 'Ana Ruiz')
})

test('quotes: a pronoun goes to the person of its gender who spoke, not to a bystander named since', () => {
  const text =
    'Mara Quill has played many roles. “I go for broke,” she says.\n\nOn the show her character, Delphine, is a survivor. “I knew how good the writing was,” she says.\n'
  const result = tag(text)
  const second = quoteWith(text, result, 'how good the writing was')
  const mara = result.entities.find((entity) => entity.name === 'Mara Quill')
  assert.ok(mara)
  assert.equal(second.source?.entity, mara.id)
})

test('quotes: a first name that is one gender’s tells who a pronoun is', () => {
  const text = 'Mark Delaney met the jury on Monday. “We will appeal,” she said.\n\nLater, “We will win,” he said.\n'
  const result = tag(text)
  const mark = result.entities.find((entity) => entity.name === 'Mark Delaney')
  assert.ok(mark)
  assert.notEqual(quoteWith(text, result, 'We will appeal').source?.entity, mark.id)
  assert.equal(quoteWith(text, result, 'We will win').source?.entity, mark.id)
})

test('quotes: “As Lee puts it, “…”” and an attribution as the sentence after the quotation', () => {
  const text = 'As Riesman puts it, “the show was the thing that mattered most to him.” He agreed.\n\n“It was very symbolic.” Dr. Baskin pointed out.\n'
  const result = tag(text)
  const puts = quoteWith(text, result, 'mattered most')
  assert.equal(puts.source?.text, 'Riesman')
  assert.equal(puts.cue?.text, 'puts it')
  const after = quoteWith(text, result, 'very symbolic')
  assert.equal(after.source?.text, 'Dr. Baskin')
  assert.equal(after.cue?.text, 'pointed out')
})

test('quotes: “the governor” and “the senator” go back to “Gov.” and “Sen.” before a name; “voted no.” ends a sentence', () => {
  const text = 'Florida Gov. Ron Dalton spoke on Monday. The governor said the state would sue.\n\nSen. Maria Lopez voted no. The senator said the bill was rushed.\n'
  const result = tag(text)
  assert.equal(quoteWith(text, result, 'the state would sue').source?.name, 'Ron Dalton')
  const senator = quoteWith(text, result, 'the bill was rushed')
  assert.equal(senator.source?.name, 'Maria Lopez')
  assert.equal(text.slice(senator.start, senator.end), 'the bill was rushed')
})

test('quotes: an apposition after the name gives the role when the name had only a form of address', () => {
  const text = 'Dr. Mira Olsen, a gastroenterologist at Harbor Medical Center, said the drug works.\n'
  const result = tag(text)
  const person = result.entities.find((entity) => entity.name === 'Mira Olsen')
  assert.equal(person?.role, 'gastroenterologist at Harbor Medical Center')
  // A role that says more stays.
  const mayor = tag('Mayor Ann Moss, a lawyer by training, said the bridge opens.\n').entities.find((entity) => entity.name === 'Ann Moss')
  assert.equal(mayor?.role, 'Mayor')
})

test('quotes: a pronoun does not go to someone spoken to when the one who spoke to them is named before', () => {
  const text = 'Ann Lee spoke to Dana Okafor on Monday about the plan. “We will win,” she said.\n'
  const result = tag(text)
  const ann = result.entities.find((entity) => entity.name === 'Ann Lee')
  assert.ok(ann)
  assert.equal(quoteWith(text, result, 'We will win').source?.entity, ann.id)
})

test('quotes: “the Fortune chief editor” is the person the article gave that role, not the organisation', () => {
  const text = 'Much of the story comes from a newsletter written by Velmora Chief Editor Ada Lund on Friday.\n\nThe Velmora Chief Editor wrote, “The main cause is simply that the token rose.”\n'
  const result = tag(text)
  assert.equal(shownSource(quoteWith(text, result, 'The main cause'))?.name, 'Ada Lund')
})

test('quotes: a saying (“as they say”) is no quote, and the one who was told, or of whom something is believed, is no source', () => {
  const text = 'The rest, as they say, is history.\n\nShe was told there was no treatment left for her son.\n\nThe mayor is believed to have left the city on Friday.\n'
  const quotes = tag(text).quotes ?? []
  assert.ok(!quotes.some((quote) => /is history/.test(text.slice(quote.start, quote.end))), 'a quote of the saying')
  assert.ok(!quotes.some((quote) => quote.source), JSON.stringify(quotes.map((quote) => quote.source?.name)))
})

test('quotes: a name with a “who …” clause, then “said in a memo to staff Monday that …”: the name is the source and the staff no one', () => {
  const text = 'Rosa Ortega, who joined the grocer last year, said in a memo to store managers Monday that she wants shorter lines.\n'
  const quote = quoteWith(text, tag(text), 'she wants shorter lines')
  assert.equal(text.slice(quote.start, quote.end), 'that she wants shorter lines')
  assert.equal(shownSource(quote)?.name, 'Rosa Ortega')
})

test('quotes: a participle after a noun (“a plan announced last winter is …”) is no cue; the attribution at the end of the sentence is', () => {
  const text = 'Rosa Ortega runs the grocer. A savings plan announced last winter is cutting prices on staples, she said.\n'
  const quotes = tag(text).quotes ?? []
  assert.ok(!quotes.some((quote) => /plan/i.test(quote.source?.text ?? '')), JSON.stringify(quotes.map((quote) => quote.source?.text)))
  const quote = quoteWith(text, tag(text), 'cutting prices on staples')
  assert.equal(text.slice(quote.start, quote.end), 'A savings plan announced last winter is cutting prices on staples')
  assert.equal(shownSource(quote)?.name, 'Rosa Ortega')
})

test('quotes: someone who found a thing, or helped found a firm, reports nothing; a finding “that …” is reported', () => {
  const text = 'Her husband searched for weeks. He found a blog post about the surgeon online.\n\nGordon Lake later helped found Harbor Labs, and he found that the chips worked.\n'
  const quotes = tag(text).quotes ?? []
  const words = quotes.map((quote) => text.slice(quote.start, quote.end))
  assert.ok(!words.some((said) => /blog post|Harbor Labs/.test(said)), JSON.stringify(words))
  assert.ok(words.includes('that the chips worked'), JSON.stringify(words))
})

test('quotes: “The study, published Tuesday in a journal, found that …”: the study is the source, called by its head', () => {
  const text = 'The study, published Tuesday in the journal Brain Letters, found that 40 percent of patients had plaques in the retina.\n'
  const quote = quoteWith(text, tag(text), '40 percent of patients')
  assert.equal(text.slice(quote.start, quote.end), 'that 40 percent of patients had plaques in the retina')
  assert.equal(shownSource(quote)?.name, 'The study')
  assert.equal(shownSource(quote)?.kind, 'document')
})

test('quotes: “It said …” right after an organisation is named is the organisation; an “It” that stands for no organisation names no one', () => {
  const text = 'Northwind Airlines cut 300 jobs on Monday. It said the market had turned.\n\nMy uncle sent the recipe. It came with notes: “Use one pound of onions,” he wrote.\n'
  const result = tag(text)
  assert.equal(shownSource(quoteWith(text, result, 'the market had turned'))?.name, 'Northwind Airlines')
  assert.ok(!(result.quotes ?? []).some((quote) => shownSource(quote)?.name === 'It'), JSON.stringify((result.quotes ?? []).map((quote) => shownSource(quote)?.name)))
})

test('quotes: “Ruiz, standing in for Chris Hale as guest anchor on “Night Desk”, noted that …”: the one who stood in speaks, not the one stood in for', () => {
  for (const when of ['on Friday', 'last Friday']) {
    const text = `Mark Ruiz is a former party chair. Ruiz, standing in for Chris Hale as guest anchor on KTV’s “Night Desk” ${when}, noted that the deadline passed with no arrest.\n`
    const quote = quoteWith(text, tag(text), 'deadline passed')
    assert.equal(text.slice(quote.start, quote.end), 'that the deadline passed with no arrest')
    assert.equal(shownSource(quote)?.name, 'Mark Ruiz')
  }
})

test('quotes: a possessive and its noun before the verb (“Czechia’s leadership believes …”) are the source, not the possessive alone', () => {
  const text = 'Despite these concerns, Czechia’s leadership believes the security situation has changed fundamentally.\n'
  const quote = quoteWith(text, tag(text), 'security situation')
  assert.equal(shownSource(quote)?.name, 'Czechia’s leadership')
  assert.equal(quote.cue?.text, 'believes')
})

const interview = `---
date: 2026-03-02
---

# Harbor pilots and the long winter

The Ledger spoke with Mara Quill, a harbor pilot for 22 years, about the ice season and what it costs the port.

What was this winter like on the water?

It was the hardest I have seen. We lost 40 working days to ice, and the port lost about $3 million in fees.

Ferry crews had it worse than we did.

Photo courtesy of the Port Authority

How do you decide when a ship can come in?

We look at the wind first. If it blows over 35 knots, nobody moves.

This interview has been edited for length and clarity.

The port plans to buy a second icebreaker next year.
`

test('quotes: a Q&A interview’s answers are the interviewee’s, the questions and the notes around them are not', () => {
  const result = tag(interview)
  for (const words of ['We lost 40 working days to ice', 'Ferry crews had it worse', 'If it blows over 35 knots']) {
    const quote = quoteWith(interview, result, words)
    assert.equal(entityName(result, quote), 'Mara Quill', words)
    assert.equal(quote.kind, 'direct')
  }

  const quoted = (words: string) => {
    const at = interview.indexOf(words)
    return result.quotes!.some((quote) => quote.start <= at && quote.end > at)
  }

  assert.equal(quoted('What was this winter like'), false, 'a question is the interviewer’s')
  assert.equal(quoted('Photo courtesy'), false, 'a caption is no answer')
  assert.equal(quoted('The port plans to buy'), false, 'after the closing note the writer speaks')
  const claim = result.claims.find((each) => interview.slice(each.start, each.end).includes('40 working days'))
  assert.equal(claim?.speaker?.name, 'Mara Quill', 'a claim in an answer is the interviewee’s')
})

test('quotes: answers get no speaker when two people were interviewed, nor in an explainer whose questions name no interviewee', () => {
  const two = interview.replace('spoke with Mara Quill, a harbor pilot for 22 years,', 'spoke with Mara Quill and Tom Reyes, harbor pilots,')
  const explainer = interview.replace('The Ledger spoke with Mara Quill, a harbor pilot for 22 years, about', 'Here is what to know about')
  for (const text of [two, explainer]) {
    const result = tag(text)
    const at = text.indexOf('We lost 40 working days')
    const quote = result.quotes?.find((each) => each.start <= at && each.end > at)
    assert.equal(quote?.source, undefined, text.slice(0, 140))
  }
})

test('quotes: “It was Obi who said …”: the person right before “who” speaks; a “who” with no name before it names no one', () => {
  const text = 'Ada Obi ran the port for a decade. It was Obi who said that the harbor would close in winter.\n\nThe ones who decided that the harbor would close were never named.\n'
  const result = tag(text)
  const quote = quoteWith(text, result, 'the harbor would close in winter')
  assert.equal(entityName(result, quote), 'Ada Obi')
  const other = result.quotes!.find((each) => text.slice(each.start, each.end).includes('would close were'))
  assert.equal(other && shownSource(other), undefined)
})

test('quotes: a family word or title kept in a name tells the gender (“Granny Esther”): “he” is not her', () => {
  const text = 'Sam Levi translated a notebook of recipes last year. Granny Esther Cohen had kept it for decades. “I was lazy and used a translator,” he explained.\n'
  const result = tag(text)
  assert.equal(entityName(result, quoteWith(text, result, 'I was lazy')), 'Sam Levi')
})

test('quotes: the writer’s own “I” or “we” outside quotation marks is shown as no source', () => {
  const text = 'Last week we told you that the ferry would stop running in March.\n\nI think that the old harbor menus were better than the new ones.\n'
  const result = tag(text)
  for (const words of ['the ferry would stop', 'the old harbor menus']) {
    const quote = result.quotes?.find((each) => text.slice(each.start, each.end).includes(words))
    assert.ok(quote, words)
    assert.ok(quote.source, `the model still reads a source for ${words}`)
    assert.equal(shownSource(quote), undefined, words)
  }
})

test('quotes: a nationality before an office’s name (“The Ecuadorean attorney general’s office confirmed”) is not the source: the office is', () => {
  const text = 'The Ecuadorean attorney general’s office confirmed that it had opened an investigation into the parcels.\n'
  const result = tag(text)
  const quote = quoteWith(text, result, 'it had opened an investigation')
  assert.equal(quote.source?.name, 'The Ecuadorean attorney general’s office')
  assert.equal(quote.source?.kind, 'organisation')
})

test('quotes: a pronoun with a verb joined on (“She’s writing a film, “…””) resolves as the pronoun does', () => {
  const text = 'Ada Obi is filming a western in Calgary. “Maybe a cowboy. Maybe a blues singer.” She’s writing a film, “a stretched version of my own twenties. It’s partly my story,” and she wants to direct.\n'
  const result = tag(text)
  const quote = quoteWith(text, result, 'a stretched version of')
  assert.equal(entityName(result, quote), 'Ada Obi')
})

test('quotes: whole sentences in quotation marks later in a quoted speaker’s paragraph are theirs, unless someone else is named between', () => {
  const text = '“We had visitors from all over the country,” Sean Obi told me. Obi ran the first festival in 2019. “Some came from as far as Japan.”\n\n“It went well,” Ann Lee said. Tom Cole was there too. “Not for everyone.”\n\nThe harbor “is closed,” a sign says. Nobody came. “A title in marks.”\n'
  const result = tag(text)
  assert.equal(entityName(result, quoteWith(text, result, 'Some came from as far')), 'Sean Obi')
  const other = quoteWith(text, result, 'Not for everyone')
  assert.equal(other.source, undefined, 'Tom Cole is named between: no speaker')
})

test('quotes: “it’ll tell you” is a thing that tells, not an organisation named before it', () => {
  const text = 'Acme Games sells a word game for a dollar. Guess a word and it’ll tell you whether you have hit a letter.\n'
  const result = tag(text)
  for (const quote of result.quotes ?? []) assert.equal(shownSource(quote), undefined, text.slice(quote.start, quote.end))
})

test('quotes: “points out that …” reports, and “36 points” stays a score', () => {
  const text = 'The Harbor Ledger points out that the port will need two icebreakers by 2030.\n\nObi scored 36 points as the Pilots won.\n'
  const result = tag(text)
  const quote = quoteWith(text, result, 'the port will need two icebreakers')
  assert.equal(quote.cue?.text, 'points out')
  assert.equal(result.quotes!.some((each) => text.slice(each.start, each.end).includes('Pilots won')), false)
})

test('quotes: turning up and works written are no one’s words; a call for a statement and a showing that stay', () => {
  const text =
    'Then Ola Berg shows up and hits him with a chair. In Vienna she composed some of her finest songs. ' +
    'The senator called for an end to the strike at the port. She showed that the figures were wrong.\n'
  const quotes = analyzeSync(text, {dates: false}).data.newsmark!.quotes ?? []
  const contents = quotes.map((quote) => text.slice(quote.start, quote.end))
  for (const unexpected of ['up and hits', 'some of her finest songs']) {
    assert.ok(!contents.some((content) => content.includes(unexpected)), `Unexpected a quote of “${unexpected}” in ${JSON.stringify(contents)}`)
  }

  assert.ok(contents.some((content) => content.startsWith('an end to the strike')), JSON.stringify(contents))
  assert.ok(contents.some((content) => content.includes('the figures were wrong')), JSON.stringify(contents))
})

test('quotes (review): a call for a thing in a word or two and “shows up to” a figure stay reported', () => {
  const text = 'The Harbor Council calls for a ceasefire. The report shows up to 2 million jobs could be lost.\n'
  const quotes = analyzeSync(text, {dates: false}).data.newsmark!.quotes ?? []
  const contents = quotes.map((quote) => text.slice(quote.start, quote.end))
  assert.ok(contents.some((content) => content.startsWith('a ceasefire')), JSON.stringify(contents))
  assert.ok(contents.some((content) => content.includes('2 million jobs')), JSON.stringify(contents))
})

test('quotes: a source ends on a word and names someone: an apposition’s closing comma, a possessive that tells whose claims, a relative clause left out; a participle or a dangling word is no source', () => {
  const text =
    '“We lost the key,” the janitor, Tom Reed, said. Despite Ann Moss’s claims that the wing is safe, inspectors closed it on Friday.\n\n' +
    'Having announced that he would retire, the coach left the room. Voters who say the economy matters most backed the mayor.\n\n' +
    'The pastor’s claims that the roof was sound drew a crowd.\n'
  const result = tag(text)
  const key = quoteWith(text, result, 'We lost the key')
  assert.equal(key.source?.text, 'the janitor, Tom Reed', 'the comma closing the apposition is not the source’s')
  assert.equal(entityName(result, key), 'Tom Reed')
  assert.equal(entityName(result, quoteWith(text, result, 'the wing is safe')), 'Ann Moss', 'whose claims they are')
  assert.equal(quoteWith(text, result, 'he would retire').source, undefined, '“Having” names no one')
  assert.equal(quoteWith(text, result, 'the economy matters').source?.name, 'Voters')
  assert.equal(quoteWith(text, result, 'the roof was sound').source?.name, 'The pastor')
})

test('quotes: isBroken tells words that cannot name a source', () => {
  const broken = ['excerpts of', 'a letter to the board from', 'Republicans and', 'Their', 'them critics and', 'Having', 'Holding open a book', 'The full poll can be', 'who get tired of it']
  const whole = ['officials', 'That person', 'who', 'a report to be released Thursday', 'Leading Democrats', 'people familiar with the talks', 'officials who have seen the plan', 'US officials', 'Boeing', 'A poll taken in May', 'A friend of his']
  for (const words of broken) assert.equal(isBroken(words.split(' ')), true, words)
  for (const words of whole) assert.equal(isBroken(words.split(' ')), false, words)
})

test('quotes (review): people in the plural before an apposition’s name, an object “her”, “US”, the month “May”, a “what” clause and a firm named “…ing” keep the source they had', () => {
  const text =
    'Lawyers for the victim, Tom Reed, said the police had lied.\n\nPeople close to her said the senator would not run again.\n\nUS officials said the talks would resume on Monday.\n\n' +
    'A survey conducted in May found that most renters were behind on payments.\n\nPeople familiar with what was discussed said no deal was reached.\n\nBoeing said deliveries would slow this quarter.\n'
  const result = tag(text)
  const lawyers = quoteWith(text, result, 'the police had lied')
  assert.notEqual(entityName(result, lawyers), 'Tom Reed', 'the lawyers spoke, not the victim')
  assert.equal(quoteWith(text, result, 'would not run again').source?.name, 'People close to her')
  assert.equal(quoteWith(text, result, 'the talks would resume').source?.name, 'US officials')
  assert.equal(quoteWith(text, result, 'most renters were behind').source?.name, 'A survey conducted in May')
  assert.equal(quoteWith(text, result, 'no deal was reached').source?.name, 'People familiar with what was discussed')
  assert.equal(quoteWith(text, result, 'deliveries would slow').source?.name, 'Boeing')
})

test('quotes: a name that says whose people speak is not the speaker (“Trump campaign officials”, “Biden aides”), unlike a role before a name (“Trump aide Hope Hicks”)', () => {
  const text =
    'Donald Trump held a rally in Ohio. Trump campaign officials said the crowd was the largest yet.\n\nJoe Biden met the governors. Biden aides said the meeting went well.\n\n' +
    'Trump aide Hope Hicks said the event was sold out.\n'
  const result = tag(text)
  const officials = quoteWith(text, result, 'the crowd was the largest')
  assert.equal(officials.source?.entity, undefined)
  assert.equal(officials.source?.name, 'Trump campaign officials')
  assert.equal(officials.source?.kind, 'anonymous')
  assert.equal(quoteWith(text, result, 'the meeting went well').source?.name, 'Biden aides')
  assert.equal(entityName(result, quoteWith(text, result, 'the event was sold out')), 'Hope Hicks')
})

test('quotes (second review): a “whose” or “since” clause, a particle and a noun “will” keep the source they had', () => {
  const text =
    '“We are shaken,” said a woman whose husband was also hurt.\n\n' +
    '“We will wait,” said a diplomat speaking on condition of anonymity since the talks were private.\n\nFamilies left behind said the storm took everything.\n\n' +
    'The head of the Environmental Protection Agency, Michael Regan, said the rule was final.\n'
  const result = tag(text)
  assert.equal(quoteWith(text, result, 'We are shaken').source?.name, 'a woman whose husband was also hurt')
  assert.ok(quoteWith(text, result, 'We will wait').source?.name.startsWith('a diplomat'))
  assert.equal(quoteWith(text, result, 'the storm took everything').source?.name, 'Families left behind')
  assert.equal(entityName(result, quoteWith(text, result, 'the rule was final')), 'Michael Regan', 'the head is named after the comma')
  for (const words of ['The executor of the will', 'Officials at the can factory', 'many of whom']) assert.equal(isBroken(words.split(' ')), false, words)
})

test('quotes (third review): the name after a role for someone is the role’s (“an attorney for the family, Ben Crump”); a clause ending on its preposition, “WHO” and a name with his people keep their source', () => {
  const text =
    '“We will appeal,” said an attorney for the family, Ben Crump.\n\nA spokeswoman for the company, Karen Hill, said the plant would reopen.\n\n' +
    '“It was a mistake,” said several voters I spoke with.\n\nWHO officials said the outbreak was contained.\n\nDonald Trump and his lawyers said the case was baseless.\n'
  const result = tag(text)
  assert.equal(entityName(result, quoteWith(text, result, 'We will appeal')), 'Ben Crump')
  assert.equal(entityName(result, quoteWith(text, result, 'the plant would reopen')), 'Karen Hill')
  assert.equal(quoteWith(text, result, 'It was a mistake').source?.name, 'several voters I spoke with')
  assert.equal(quoteWith(text, result, 'the outbreak was contained').source?.name, 'WHO officials')
  const lawyers = quoteWith(text, result, 'the case was baseless').source
  assert.equal(lawyers?.entity, undefined, 'not Trump alone')
  assert.equal(lawyers?.kind, 'anonymous', 'a group')
})

test('quotes (code review): a closing quotation mark is no possessive; a possessive source’s kind is its noun’s', () => {
  assert.equal(isBroken(['Those', 'who', 'say', 'they', 'want', 'to']), true, 'a relative clause before the subject pronoun')
  assert.equal(isBroken(['people', 'close', 'to', 'you', 'and']), true, '“you” is no subject here')
  const text = '“We will not back down,” said members of the ‘Squad’.\n\nDespite the victims’ claims that the count was wrong, the result stood.\n'
  const result = tag(text)
  assert.equal(quoteWith(text, result, 'We will not back down').source?.name, 'members of the ‘Squad’')
  const victims = quoteWith(text, result, 'the count was wrong').source
  assert.equal(victims?.name, 'the victims')
  assert.equal(victims?.kind, 'anonymous')
})

test('quotes: a “his” or “their” tied to no one names no source (base listed “His” and “Their” as named people)', () => {
  const text = 'Their claims that the vote was rigged drew a crowd.\n\nHis claim that the vote was rigged was false.\n'
  const result = tag(text)
  for (const quote of result.quotes ?? []) assert.equal(quote.source, undefined, text.slice(quote.start, quote.end))
  assert.ok((result.quotes ?? []).length > 0, 'the claims are still quotes')
})

test('quotes (final review): a lone “His” or “Their” is no one, not whoever spoke last; “Its statement” is the organisation’s', () => {
  const text =
    '“The defendant lied,” the prosecutor, Ann Roe, said. Tom Reed, who denies the charges, spent the day at home. His claim that the case is political was rejected.\n\n' +
    'Microsoft cut prices on Monday. Its statement said that sales would rise.\n'
  const result = tag(text)
  assert.equal(quoteWith(text, result, 'the case is political').source, undefined, 'not the prosecutor’s')
  assert.equal(entityName(result, quoteWith(text, result, 'sales would rise')), 'Microsoft')
})

test('quotes: one of a person’s people or bodies is not the person (“a senior Biden administration official”, “one Clinton aide”, “the Biden administration”); an apposition after the name stays hers', () => {
  const text =
    'A senior Biden administration official said the talks would resume.\n\n“That is not a no,” one Clinton aide said.\n\nThe Biden administration said the rule would stand.\n\n' +
    'Republican pollster Ann Roe -- author of a book on the party -- said the race was close.\n\nJoe Biden 2024 campaign officials said the ads would run in May.\n\nAnn Roe the lawyer said the filing was late.\n'
  const result = tag(text)
  assert.equal(entityName(result, quoteWith(text, result, 'the filing was late')), 'Ann Roe', 'a title after “the” is hers')
  for (const words of ['the talks would resume', 'That is not a no', 'the rule would stand', 'the ads would run']) {
    assert.equal(quoteWith(text, result, words).source?.entity, undefined, words)
    assert.ok(quoteWith(text, result, words).source, `${words}: a source`)
  }
  assert.equal(entityName(result, quoteWith(text, result, 'the race was close')), 'Ann Roe')
})
