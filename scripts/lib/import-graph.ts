/**
 * The import graph of the TypeScript sources under a folder, and its
 * cycles: every `import … from`, `export … from`, `import '…'` and
 * `import('…')` of a relative path (type imports too: a type cycle still
 * ties two modules together). Comments are left out before reading; the
 * sources import with literal paths, as the house style has it.
 */
import fs from 'node:fs'
import path from 'node:path'

/** The module specifiers of a source (comments left out). */
export function specifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '')
  const found: string[] = []
  const patterns = [/^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/gm, /^\s*import\s*['"]([^'"]+)['"]/gm, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g]
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.push(match[1]!)
  return found
}

/**
 * Files and what each imports (paths relative to `root`, with `/`).
 * @param root
 *   Folder whose `.ts` files are read (`src`).
 * @returns
 *   File to the files it imports.
 */
export function importGraph(root: string): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const file of tsFiles(root)) {
    const targets = specifiers(fs.readFileSync(file, 'utf8'))
      .filter((name) => name.startsWith('.'))
      .map((name) => path.resolve(path.dirname(file), name))
      .filter((target) => target.endsWith('.ts') && fs.existsSync(target))
      .map((target) => relative(root, target))
    graph.set(relative(root, file), [...new Set(targets)])
  }
  return graph
}

/**
 * The cycles of a graph: its strongly connected components of more than one
 * file, or of one file that imports itself (Tarjan).
 * @param graph
 *   File to the files it imports.
 * @returns
 *   Each cycle's files, sorted.
 */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const cycles: string[][] = []
  const visit = (file: string) => {
    index.set(file, next)
    low.set(file, next)
    next++
    stack.push(file)
    onStack.add(file)
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target)
        low.set(file, Math.min(low.get(file)!, low.get(target)!))
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file)!, index.get(target)!))
      }
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = []
      let member: string
      do {
        member = stack.pop()!
        onStack.delete(member)
        component.push(member)
      } while (member !== file)
      if (component.length > 1 || (graph.get(file) ?? []).includes(file)) cycles.push(component.sort())
    }
  }
  for (const file of graph.keys()) if (!index.has(file)) visit(file)
  return cycles
}

function tsFiles(folder: string): string[] {
  return fs.readdirSync(folder, {withFileTypes: true}).flatMap((entry) => {
    const full = path.join(folder, entry.name)
    if (entry.isDirectory()) return tsFiles(full)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : []
  })
}

function relative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/')
}
