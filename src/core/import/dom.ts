/**
 * The few DOM members the importer uses, so the core needs no DOM types
 * (`lib: ["DOM"]`) and works with any DOM: linkedom here, a browser's
 * `DOMParser` in a web bundle.
 */

/** An element, as far as the importer reads it. */
export interface DomElement {
  readonly tagName: string
  readonly textContent: string | null
  getAttribute(name: string): string | null
  hasAttribute(name: string): boolean
  querySelector(selectors: string): DomElement | null
  querySelectorAll(selectors: string): Iterable<DomElement>
  remove(): void
}

/** A document, as far as the importer reads it. */
export interface DomDocument {
  readonly documentElement: DomElement | null
  querySelector(selectors: string): DomElement | null
  querySelectorAll(selectors: string): Iterable<DomElement>
}
