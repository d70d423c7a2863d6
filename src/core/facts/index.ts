/**
 * The reader’s fact base: facts from `.newsmark/facts.yaml`, settings, or
 * verdicts given to claims, and how sentences are matched against them.
 */
export {matchFacts, prepareFacts, type FactMatch, type FactSentence, type PreparedFact} from './match.ts'
export {FactsError, normalizeFacts, parseFacts} from './parse.ts'
export {comparable, findQuantities, parseQuantity, readQuantity, sameQuantity, type Quantity} from './quantity.ts'
export type {ClaimFact, ClaimFactInput, Fact, FactInput, ValueFact, ValueFactInput, Verdict} from './types.ts'
export {factsFromVerdicts} from './verdicts.ts'
