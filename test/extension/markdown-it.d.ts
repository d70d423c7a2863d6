/**
 * Just the markdown-it the preview tests use (markdown-it ships no types,
 * and the extension never imports it: VS Code passes its own instance).
 */
declare module 'markdown-it' {
  type MdToken = import('../../src/extension/preview-highlight.ts').MdToken

  interface MarkdownIt {
    core: {ruler: {push(name: string, rule: (state: {src: string; tokens: MdToken[]}) => void): void}}
    renderer: {render(tokens: MdToken[], options: unknown, env: unknown): string}
    options: object
    parse(source: string, env: object): MdToken[]
    render(source: string, env?: object): string
  }

  const markdownIt: (options?: {html?: boolean; linkify?: boolean; typographer?: boolean}) => MarkdownIt
  export default markdownIt
}
