/**
 * How many claims to check an article lists (`claim-to-check`), and what a
 * ranked one is: a module of its own so that the editor reads the bounds,
 * and the rules' context the type, without loading the ranking.
 */
import type {Claim} from '../types.ts'

/** A claim to check, ranked (`rankClaims`). */
export interface RankedClaim {
  claim: Claim
  /** Why: its kind and who stands behind it. */
  reason: string
  /** The rank score (higher first). */
  score: number
}

/** How many claims to list by default. */
export const defaultClaimsToCheck = 5

/** The most claims an article lists. */
export const maxClaimsToCheck = 10
