/**
 * How many claims to check an article lists (`claim-to-check`): a module of
 * its own so that the editor reads the bounds without loading the ranking.
 */

/** How many claims to list by default. */
export const defaultClaimsToCheck = 5

/** The most claims an article lists. */
export const maxClaimsToCheck = 10
