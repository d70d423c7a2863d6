import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import test from 'node:test'
import {expandPaths} from '../../src/cli/expand.ts'
import {configuredLeaveOut, leftOutBy} from '../../src/node/article-files.ts'

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-expand-'))

test.after(() => fs.rmSync(temp, {recursive: true, force: true}))

function write(name: string, content = '# Title\n'): string {
  const file = path.join(temp, name)
  fs.mkdirSync(path.dirname(file), {recursive: true})
  fs.writeFileSync(file, content)
  return file
}

/** Make a symbolic link at `name` (in `temp`) to `target`; `false` when the platform refuses. */
function link(target: string, name: string): boolean {
  const file = path.join(temp, name)
  fs.mkdirSync(path.dirname(file), {recursive: true})
  try {
    fs.symlinkSync(target, file)
    return true
  } catch {
    return false
  }
}

test('expand: upper-case extensions are Markdown in a folder', async () => {
  const folder = path.join(temp, 'cases')
  for (const name of ['a.md', 'b.markdown', 'C.MD', 'D.Markdown', 'sub/E.mD', 'sub/f.MARKDOWN']) write(`cases/${name}`)
  for (const name of ['notes.txt', 'G.MDX', 'h.md.bak', 'MD', 'sub/.MD', '.hidden/I.MD', 'node_modules/J.MD']) {
    write(`cases/${name}`)
  }

  const expected = ['C.MD', 'D.Markdown', 'a.md', 'b.markdown', 'sub/E.mD', 'sub/f.MARKDOWN'].map((name) =>
    path.join(folder, name)
  )
  const first = await expandPaths([folder])
  assert.deepEqual(first, {files: expected, problems: []})
  // Deterministic: the same order again, and with a trailing slash.
  assert.deepEqual(await expandPaths([folder]), first)
  assert.deepEqual((await expandPaths([folder + path.sep])).files, expected)

  // A folder with only upper-case Markdown is not reported as empty.
  write('upper-only/STORY.MD')
  assert.deepEqual(await expandPaths([path.join(temp, 'upper-only')]), {
    files: [path.join(temp, 'upper-only', 'STORY.MD')],
    problems: []
  })
})

test('expand: a project’s own documents are no articles in folders and globs, but are read when named', async () => {
  for (const name of ['story.md', 'README.md', 'readme.MD', 'CHANGELOG.md', 'sub/CONTRIBUTING.markdown', 'sub/code_of_conduct.md', 'sub/readme-notes.md']) write(`project/${name}`)
  const folder = path.join(temp, 'project')
  assert.deepEqual((await expandPaths([folder])).files, ['story.md', 'sub/readme-notes.md'].map((name) => path.join(folder, name)))
  assert.deepEqual((await expandPaths([path.join(folder, '**/*.md')])).files, ['story.md', 'sub/readme-notes.md'].map((name) => path.join(folder, name)))
  assert.deepEqual((await expandPaths([path.join(folder, 'README.md')])).files, [path.join(folder, 'README.md')])
  // --exclude: globs relative to the working folder, for folders and globs alike.
  const relative = path.relative(process.cwd(), folder).split(path.sep).join('/')
  assert.deepEqual((await expandPaths([folder], {exclude: [`${relative}/sub/**`]})).files, [path.join(folder, 'story.md')])
  assert.deepEqual((await expandPaths([path.join(folder, '**/*.md')], {exclude: ['**/story.md']})).files, [path.join(folder, 'sub/readme-notes.md')])
  assert.deepEqual((await expandPaths([path.join(folder, 'story.md')], {exclude: ['**/story.md']})).files, [path.join(folder, 'story.md')])
  // Only project documents: the folder has no article, and says so.
  write('docs-only/README.md')
  assert.match((await expandPaths([path.join(temp, 'docs-only')])).problems[0]!, /no Markdown file/)
})

test('expand: upper-case extensions are Markdown by a glob', async () => {
  const folder = path.join(temp, 'globbed')
  for (const name of ['a.md', 'b.markdown', 'C.MD', 'D.Markdown', 'sub/E.Md', 'notes.txt', 'F.MDX']) write(`globbed/${name}`)

  const top = await expandPaths([path.join(folder, '*')])
  assert.deepEqual(top, {
    files: ['C.MD', 'D.Markdown', 'a.md', 'b.markdown'].map((name) => path.join(folder, name)),
    problems: []
  })
  const deep = await expandPaths([path.join(folder, '**/*')])
  assert.deepEqual(
    deep.files,
    ['C.MD', 'D.Markdown', 'a.md', 'b.markdown', 'sub/E.Md'].map((name) => path.join(folder, name))
  )

  // A relative glob gives relative paths.
  const relative = path.relative(process.cwd(), folder)
  assert.deepEqual(
    (await expandPaths([path.join(relative, '**/*')])).files,
    ['C.MD', 'D.Markdown', 'a.md', 'b.markdown', 'sub/E.Md'].map((name) => path.join(relative, name))
  )

  // The pattern itself is matched as written (case-sensitive, like a shell).
  assert.deepEqual((await expandPaths([path.join(folder, '*.md')])).files, [path.join(folder, 'a.md')])
  assert.deepEqual((await expandPaths([path.join(folder, '*.MD')])).files, [path.join(folder, 'C.MD')])

  // Only upper-case Markdown: found, not reported.
  write('globbed-upper/STORY.MD')
  write('globbed-upper/notes.TXT')
  assert.deepEqual(await expandPaths([path.join(temp, 'globbed-upper', '*')]), {
    files: [path.join(temp, 'globbed-upper', 'STORY.MD')],
    problems: []
  })
})

test('expand: a folder walk does not follow symbolic links out of the folder or around a cycle', {timeout: 20_000}, async (t) => {
  const folder = path.join(temp, 'walk')
  write('walk/a.md')
  write('walk/sub/b.md')
  write('outside.md')
  write('sibling/s.md')
  const links: Array<[string, string]> = [
    ['..', 'walk/up'], // the parent folder
    ['../sibling', 'walk/side'], // a sibling folder
    [path.join(temp, 'sibling'), 'walk/absolute-side'], // the same, absolute
    ['..', 'walk/sub/back'], // a cycle: walk/sub/back/sub/back/...
    ['../loop-b', 'walk/loop-a'], // a cycle of links to links
    ['../walk/loop-a', 'walk/loop-b'],
    ['self.md', 'walk/self.md'], // a link to itself
    ['../outside.md', 'walk/linked.md'], // a file outside the folder
    ['a.md', 'walk/again.md'], // a file inside the folder
    ['gone.md', 'walk/dangling.md'] // nothing
  ]
  for (const [target, name] of links) {
    if (!link(target, name)) return t.skip('symbolic links cannot be made here')
  }

  assert.deepEqual(await expandPaths([folder]), {
    files: [path.join(folder, 'a.md'), path.join(folder, 'sub', 'b.md')],
    problems: []
  })

  // Only links: nothing in the folder, which is said.
  link('../walk', 'only-links/walk')
  link('../outside.md', 'only-links/outside.md')
  const onlyLinks = path.join(temp, 'only-links')
  const empty = await expandPaths([onlyLinks])
  assert.deepEqual(empty.files, [])
  assert.equal(empty.problems.length, 1)
  assert.match(empty.problems[0], /only-links: no Markdown file \(\.md, \.markdown\) in this folder$/)
})

test('expand: symbolic links named on the command line are honoured', async (t) => {
  write('named/a.md')
  write('named/sub/b.md')
  write('named-target.md')
  if (!link('named', 'named-link') || !link('named-target.md', 'named-file.md') || !link('..', 'named/up')) {
    return t.skip('symbolic links cannot be made here')
  }

  // A link to a folder is walked, and the links inside it are not followed.
  const folder = path.join(temp, 'named-link')
  assert.deepEqual((await expandPaths([folder])).files, [path.join(folder, 'a.md'), path.join(folder, 'sub', 'b.md')])
  // A link to a file is kept as given, and so is a link to a folder's file.
  const file = path.join(temp, 'named-file.md')
  const through = path.join(temp, 'named', 'up', 'outside.md')
  assert.deepEqual(await expandPaths([file, through]), {files: [file, through], problems: []})
})

test('expand: a subfolder that cannot be read is a problem, and the rest is still found', async () => {
  write('unreadable/a.md')
  write('unreadable/private/b.md')
  write('unreadable/private/deeper/c.md')
  const folder = path.join(temp, 'unreadable')
  // Tests run as root, who reads a folder whatever its mode: the error is injected.
  const readFolder = async (name: string) => {
    if (name === path.join(folder, 'private')) throw Object.assign(new Error('EACCES: permission denied'), {code: 'EACCES'})
    return fs.promises.readdir(name, {withFileTypes: true})
  }
  assert.deepEqual(await expandPaths([folder], {readFolder}), {
    files: [path.join(folder, 'a.md')],
    problems: [`${path.join(folder, 'private')}: cannot read this folder (EACCES), so its Markdown files are not checked`]
  })

  // The folder itself: said once, not also as a folder without Markdown.
  const denied = async () => {
    throw Object.assign(new Error('EACCES: permission denied'), {code: 'EACCES'})
  }
  assert.deepEqual(await expandPaths([folder], {readFolder: denied}), {
    files: [],
    problems: [`${folder}: cannot read this folder (EACCES), so its Markdown files are not checked`]
  })
})

test('expand: a .newsmarkrc’s files: include and exclude, relative to its folder, leave files out of folders and globs', async () => {
  const folder = path.join(temp, 'newsroom')
  for (const name of ['articles/a.md', 'articles/drafts/b.md', 'notes/c.md', 'desk/sub/d.md']) write(`newsroom/${name}`)
  write('newsroom/.newsmarkrc', 'files:\n  include: ["articles/**/*.md", "desk/**"]\n  exclude: articles/drafts/**\n')
  // A nearer configuration decides for its folder: no files key, every file.
  write('newsroom/desk/sub/.newsmarkrc', 'preset: strict\n')
  const options = {leaveOut: configuredLeaveOut()}
  const found = (await expandPaths([folder], options)).files
  assert.deepEqual(found, ['articles/a.md', 'desk/sub/d.md'].map((name) => path.join(folder, name)))
  assert.deepEqual((await expandPaths([path.join(folder, '**/*.md')], options)).files, found)
  // Named on its own, a file is checked all the same.
  assert.deepEqual((await expandPaths([path.join(folder, 'notes/c.md')], options)).files, [path.join(folder, 'notes/c.md')])
  // Only files it leaves out: the folder has no article, and says so.
  assert.match((await expandPaths([path.join(folder, 'notes')], options)).problems[0]!, /no Markdown file/)
  // A broken configuration leaves nothing out (checking the file says what is wrong).
  write('broken/.newsmarkrc', 'files: [nope\n')
  write('broken/e.md')
  assert.deepEqual((await expandPaths([path.join(temp, 'broken')], {leaveOut: configuredLeaveOut()})).files, [path.join(temp, 'broken/e.md')])
})

test('expand: leftOutBy names the glob, and says nothing of files outside the configuration’s folder', () => {
  const files = {folder: path.join(temp, 'desk'), include: ['stories/**'], exclude: ['stories/old/**']}
  assert.equal(leftOutBy(path.join(temp, 'desk/stories/a.md'), files), undefined)
  assert.equal(leftOutBy(path.join(temp, 'desk/stories/old/a.md'), files), 'it matches `stories/old/**` in files.exclude')
  assert.equal(leftOutBy(path.join(temp, 'desk/other.md'), files), 'it matches none of the globs of files.include')
  assert.equal(leftOutBy(path.join(temp, 'elsewhere/other.md'), files), undefined)
})
