/**
 * The core as the extension uses it: what the extension host loads itself
 * and what runs in the analysis worker.
 */

/** The core's functions the extension host runs itself (`src/core/host.ts`). */
export type HostCore = typeof import('../core/host.ts')

/**
 * The core, as the extension uses it (injectable for tests): the host's
 * part and the analysis (in the extension, run in a worker).
 */
export type Core = HostCore & Pick<typeof import('../core/index.ts'), 'analyze' | 'forgetDocument'>
