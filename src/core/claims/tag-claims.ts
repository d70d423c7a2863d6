/**
 * Claims: every sentence of a paragraph (headlines and table cells are not
 * statements, nor photo captions) that reads as a statement (not a caption,
 * a credit, a question, a title, a broken piece or a press release's
 * pleasantry: `statement.ts`) and that the check-worthiness model scores
 * at or above {@link CLAIM_HIGHLIGHT_THRESHOLD} becomes a claim with its kind and attribution; an article of a genre with
 * no claims to check (a game story, a review, a recipe, a list) has none.
 * Pronoun speakers become mentions of the person they resolve to.
 */
import {spanOf, type DocumentView, type SentenceView} from '../document.ts'
import {firstNameGender} from '../entities/gazetteer.ts'
import lexicon from '../entities/lexicon.json' with {type: 'json'}
import type {RawMention} from '../entities/mentions.ts'
import {SentenceSlot} from '../incremental/memory.ts'
import type {Claim, Entity, Mention} from '../types.ts'
import {attributeKept, type Candidate} from './attribution.ts'
import {hasClaimsToCheck, type Genre} from '../genre.ts'
import {checkWorthiness} from './classifier.ts'
import {claimKind} from './kind.ts'
import {isCaption, nonStatement} from './statement.ts'

const titleHeads: ReadonlySet<string> = new Set(lexicon.titleHeads)
const female: ReadonlySet<string> = new Set(lexicon.female)
const male: ReadonlySet<string> = new Set(lexicon.male)
// The mentions of a sentence that has none (shared: never changed).
const none: ReadonlyArray<Candidate> = []

/**
 * A sentence is highlighted as a claim when the model scores it at or above
 * this. Stricter than the model's own threshold (`CLAIM_THRESHOLD`, the
 * best F1 on debate sentences), because a wrong highlight costs a reader
 * more than a missing one: chosen on the `dev` articles of the labelled
 * real-news sample (`docs/precision.md`), as the lowest score where at
 * least 85% of the claims were check-worthy. Choose it again after the
 * model is trained again.
 */
export const CLAIM_HIGHLIGHT_THRESHOLD = 0.7

/** Options of {@link tagClaims}. */
export interface ClaimOptions {
  /** The article's genre, if known: some have no claims to check. */
  genre?: Genre
  /** Score from which a sentence is a claim (default: {@link CLAIM_HIGHLIGHT_THRESHOLD}). */
  threshold?: number
}

/**
 * Tag the claims of a document.
 *
 * @param document
 *   Document.
 * @param mentions
 *   Entity mentions (document order).
 * @param entityOf
 *   Entity id of each mention.
 * @param entities
 *   Entities (pronoun mentions are added to them).
 * @param options
 *   Genre and threshold.
 * @returns
 *   Claims in document order.
 */
export function tagClaims(
  document: DocumentView,
  mentions: ReadonlyArray<RawMention>,
  entityOf: ReadonlyArray<string>,
  entities: ReadonlyArray<Entity>,
  options: Readonly<ClaimOptions> = {}
): Claim[] {
  const threshold = options.threshold ?? CLAIM_HIGHLIGHT_THRESHOLD
  // Speakers are still resolved (pronoun mentions join their entities).
  const claimsWanted = !options.genre || hasClaimsToCheck(options.genre)
  const byId = new Map(entities.map((entity) => [entity.id, entity]))
  const genders = new Map<string, 'male' | 'female'>()
  for (const entity of entities) {
    const gender = genderOf(entity)
    if (gender) genders.set(entity.id, gender)
  }

  const bySentence = new Map<SentenceView, Candidate[]>()
  for (let index = 0; index < mentions.length; index++) {
    const mention = mentions[index]
    const entity = byId.get(entityOf[index])!
    const candidate = candidateOf(entity.id, entity.name, entity.type, mention.first, mention.last, genders)
    const list = bySentence.get(mention.sentence)
    if (list) list.push(candidate)
    else bySentence.set(mention.sentence, [candidate])
  }

  const claims: Claim[] = []
  // Persons seen so far, most recent last, for pronoun resolution: each
  // person's latest entry counts (`latest`), the ones before it are skipped.
  let persons: Candidate[] = []
  const latest = new Map<string, Candidate>()
  // Whether the block of the sentence at hand is a photo caption.
  let block: DocumentView['blocks'][number] | undefined
  let caption = false

  for (const sentence of document.sentences) {
    if (sentence.block !== block) {
      block = sentence.block
      caption = isCaption(block.text, sentence.text)
    }

    const candidates = bySentence.get(sentence) ?? none
    const found = attributeKept(sentence, candidates, (gender) => {
      for (let index = persons.length - 1; index >= 0; index--) {
        const person = persons[index]
        if (latest.get(person.entity) !== person) continue
        if (!person.gender || person.gender === gender) {
          // What a pronoun tells of a person's gender is kept.
          person.gender = gender
          genders.set(person.entity, gender)
          return person
        }
      }

      return undefined
    })

    const pronoun = found.speaker?.pronoun
    if (pronoun && found.speaker?.entity) {
      const token = sentence.tokens[pronoun.first]
      const span = spanOf(document, sentence.block, token.start, token.end)
      const mention: Mention = {start: span.start, end: span.end, text: span.text, pronoun: true}
      byId.get(found.speaker.entity)!.mentions.push(mention)
    }

    for (const candidate of candidates) {
      if (candidate.type !== 'PER') continue
      // A copy: resolving a pronoun may give it a gender.
      const person = candidateOf(candidate.entity, candidate.name, candidate.type, candidate.first, candidate.last, genders)
      latest.set(person.entity, person)
      persons.push(person)
      // Entries no longer latest go once they are half the list (linear overall).
      if (persons.length > 2 * latest.size + 64) persons = persons.filter((each) => latest.get(each.entity) === each)
    }

    // Claims are statements in paragraphs: not headlines, not table cells.
    // Nor the sentences of a photo caption.
    if (!claimsWanted || sentence.block.kind !== 'paragraph' || sentence.tokens.length < 4 || caption) continue
    const reading = readSentence(sentence)
    if (reading.score < threshold) continue
    // Read in its block: whether it was cut from the text around it.
    const around = sentence.block.text
    if (nonStatement(sentence.text, around.slice(Math.max(0, sentence.start - 8), sentence.start), around.slice(sentence.end, sentence.end + 8))) continue

    const span = spanOf(document, sentence.block, sentence.start, sentence.end)
    const claim: Claim = {
      start: span.start,
      end: span.end,
      text: span.text,
      kind: (reading.kind ??= claimKind(sentence.text)),
      score: Math.round(reading.score * 1000) / 1000
    }
    if (found.speaker) {
      claim.speaker = found.speaker.entity
        ? {entity: found.speaker.entity, name: found.speaker.name}
        : {name: found.speaker.name}
    }

    if (found.verb) claim.verb = found.verb
    if (found.medium) claim.medium = found.medium
    claims.push(claim)
  }

  for (const entity of entities) entity.mentions.sort((a, b) => a.start - b.start)
  return claims
}

/**
 * Whether a text holds a direct quotation: an opening quote (`“`, `"`, `«`),
 * three characters or more that close none, and a closing quote (`”`, `"`,
 * `»`). The same as `/[“"«]([^”"»]{3,})[”"»]/u`, in one pass: the expression
 * tries each opening quote against the rest of the text, which takes time
 * quadratic in a run of quotes that none closes.
 *
 * @param text
 *   Text.
 * @returns
 *   Whether it quotes.
 */
export function hasQuotation(text: string): boolean {
  // The earliest opening quote since the last closing one (in code points,
  // as the expression counts with `u`): it leaves the most room.
  let open = -1
  let at = 0
  for (const character of text) {
    if (character === '”' || character === '"' || character === '»') {
      if (open >= 0 && at - open - 1 >= 3) return true
      // `"` closes and opens.
      open = character === '"' ? at : -1
    } else if ((character === '“' || character === '«') && open < 0) {
      open = at
    }

    at++
  }

  return false
}

/** What a claim is made of that depends on its sentence's text alone. */
interface Reading {
  /** Check-worthiness. */
  score: number
  /** Its claim kind, once it was a claim. */
  kind?: Claim['kind']
}

// Kept with the sentence's text.
const readings = new SentenceSlot<Reading>()

/**
 * Read a sentence: its check-worthiness.
 *
 * @param sentence
 *   Sentence.
 * @returns
 *   Reading.
 */
function readSentence(sentence: SentenceView): Reading {
  let reading = readings.get(sentence.memo)
  if (!reading) {
    reading = {score: checkWorthiness(sentence.text)}
    readings.set(sentence.memo, reading)
  }

  return reading
}

/**
 * A mention as attribution reads it, with the gender known of its entity.
 *
 * @param entity
 *   Entity id.
 * @param name
 *   Entity name.
 * @param type
 *   Entity type.
 * @param first
 *   First token index.
 * @param last
 *   Token index after the last.
 * @param genders
 *   Gender known of each entity so far.
 * @returns
 *   Candidate.
 */
function candidateOf(
  entity: string,
  name: string,
  type: string,
  first: number,
  last: number,
  genders: ReadonlyMap<string, 'male' | 'female'>
): Candidate {
  const candidate: Candidate = {entity, name, type, first, last}
  const gender = genders.get(entity)
  if (gender) candidate.gender = gender
  return candidate
}

/**
 * Gender cue of a person: their role (“spokeswoman”), else a first name
 * that is one gender's only (“Mark Ridley-Thomas”, not “Lindsey …”).
 *
 * @param entity
 *   Entity.
 * @returns
 *   Gender, if the role or the name tells it.
 */
export function genderOf(entity: Entity): 'male' | 'female' | undefined {
  if (entity.type !== 'PER') return undefined
  if (entity.role) {
    const words = entity.role.toLowerCase().split(/\s+/)
    if (words.some((word) => female.has(word))) return 'female'
    if (words.some((word) => male.has(word))) return 'male'
  }

  // A title or a family word that tells it, kept in the name (“Granny
  // Esther”, “Uncle Joe”, “Mrs. Obi”).
  const words = entity.name.split(/\s+/)
  const title = words.length > 1 ? words[0].toLowerCase() : ''
  if (female.has(title) || female.has(`${title}.`)) return 'female'
  if (male.has(title) || male.has(`${title}.`)) return 'male'
  // The first name after any title the name kept (“Mayor Ines Ortega”:
  // “Mayor” is a title here, and a man's name in the lists).
  let first = 0
  while (first < words.length - 2 && titleHeads.has(words[first].toLowerCase())) first++
  return words.length - first > 1 ? firstNameGender(words[first]) : undefined
}
