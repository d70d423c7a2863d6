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
export type Core = HostCore & Pick<import('../core/analyze.ts').Newsmark, 'analyze' | 'forget'>

/**
 * The whole core run in this thread, as the extension uses it: one Newsmark
 * instance keeps what the open documents' analyses can reuse.
 *
 * @param core
 *   The whole core (`src/core/index.ts`).
 * @returns
 *   Core.
 */
export function inThisThread(core: typeof import('../core/index.ts')): Core {
  const newsmark = core.createNewsmark()
  return {...core, analyze: newsmark.analyze, forget: newsmark.forget}
}
