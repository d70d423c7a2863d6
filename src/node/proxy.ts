/**
 * Which proxy a request goes through, the way curl and most tools read
 * `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` (either case, the lowercase
 * one first), and a fetch that uses it.
 *
 * Node 20's own `fetch` reads none of these (its bundled undici keeps
 * `EnvHttpProxyAgent` to itself), so a request with a proxy goes through
 * undici's `fetch` and `ProxyAgent` from the `undici` package, loaded only
 * then. Limits: `NO_PROXY` entries are host names, domain suffixes
 * (`.example.com` or `example.com`), `*`, and `host:port`; CIDR ranges
 * (`10.0.0.0/8`) are not matched. Proxy authentication is what the proxy
 * URL carries (`http://user:pass@proxy:3128`).
 */

/** Proxy settings (the CLI's from the environment, the editor's from `http.proxy`). */
export interface ProxySettings {
  /** Proxy for `http:` addresses. */
  readonly httpProxy?: string | undefined
  /** Proxy for `https:` addresses (default: `httpProxy`). */
  readonly httpsProxy?: string | undefined
  /** Hosts reached directly: comma- or space-separated, or a list. */
  readonly noProxy?: string | ReadonlyArray<string> | undefined
}

/**
 * Proxy settings from environment variables.
 *
 * @param env
 *   Environment (default: `process.env`).
 * @returns
 *   Settings.
 */
export function proxyFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): ProxySettings {
  const read = (name: string): string | undefined => (env[name.toLowerCase()] ?? env[name.toUpperCase()])?.trim() || undefined
  return {httpProxy: read('http_proxy'), httpsProxy: read('https_proxy'), noProxy: read('no_proxy')}
}

/**
 * The proxy to use for an address, if any.
 *
 * @param url
 *   Address requested.
 * @param settings
 *   Proxy settings.
 * @returns
 *   The proxy's address, or `undefined` to connect directly.
 */
export function proxyFor(url: string | URL, settings: ProxySettings): string | undefined {
  const target = typeof url === 'string' ? new URL(url) : url
  const proxy = target.protocol === 'https:' ? (settings.httpsProxy ?? settings.httpProxy) : target.protocol === 'http:' ? settings.httpProxy : undefined
  if (!proxy) return undefined
  const host = target.hostname.replace(/^\[|\]$/g, '').toLowerCase()
  const port = target.port || (target.protocol === 'https:' ? '443' : '80')
  const entries = typeof settings.noProxy === 'string' ? settings.noProxy.split(/[\s,]+/) : (settings.noProxy ?? [])
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase()
    if (!entry) continue
    if (entry === '*') return undefined
    const [, name = entry, entryPort] = /^(.*?)(?::(\d+))?$/.exec(entry.replace(/^\[|\](?=:|$)/g, '')) ?? []
    if (entryPort && entryPort !== port) continue
    const domain = name.replace(/^\*?\./, '')
    if (host === domain || host.endsWith('.' + domain)) return undefined
  }
  return proxy
}

/** A `fetch` and the option that routes a request through a proxy. */
export type ProxyFetch = (url: string, init: RequestInit) => Promise<Response>

/**
 * A `fetch` that sends each request through the proxy `settings` give for
 * its address (`proxyFor`), and directly otherwise (Node's `fetch`).
 *
 * @param settings
 *   Proxy settings.
 * @returns
 *   The fetch, and a way to close the proxies' connections.
 */
export function proxiedFetch(settings: ProxySettings): {fetch: ProxyFetch; close: () => Promise<void>} {
  const agents = new Map<string, Promise<{fetch: ProxyFetch}>>()
  const closers: Array<() => Promise<void>> = []
  const agentFor = (proxy: string) => {
    let agent = agents.get(proxy)
    if (!agent) {
      agent = import('undici').then((undici) => {
        const dispatcher = new undici.ProxyAgent(proxy)
        closers.push(() => dispatcher.close())
        return {
          fetch: (url: string, init: RequestInit) => undici.fetch(url, {...(init as object), dispatcher}) as unknown as Promise<Response>
        }
      })
      agents.set(proxy, agent)
    }
    return agent
  }
  return {
    async fetch(url, init) {
      const proxy = proxyFor(url, settings)
      return proxy ? (await agentFor(proxy)).fetch(url, init) : fetch(url, init)
    },
    async close() {
      await Promise.all(closers.map((close) => close()))
    }
  }
}
