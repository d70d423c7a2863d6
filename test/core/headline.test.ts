import assert from 'node:assert/strict'
import test from 'node:test'
import {firstHeading, headlineOf, titleOf} from '../../src/core/headline.ts'
import {articleMeta} from '../../src/core/export/meta.ts'

test('headline: the front matter title first, else the first level-one heading', () => {
  assert.equal(headlineOf({title: '  Harbor Pilots Strike  '}, '# Another Heading\n\nText.'), 'Harbor Pilots Strike')
  assert.equal(headlineOf({title: 7}, 'Intro line.\n\n# Harbor Pilots Strike #\n\n## Section\n'), 'Harbor Pilots Strike')
  // A section first, or a comment in fenced code: no headline.
  assert.equal(headlineOf(undefined, 'Intro.\n\n## Section\n\n# Related stories\n'), undefined)
  assert.equal(headlineOf(undefined, '```sh\n# install it\n```\n\n# The Real Headline\n'), 'The Real Headline')
  assert.equal(headlineOf(undefined, 'No heading here.\n## Only a section\n'), undefined)
  assert.equal(titleOf(['a list']), undefined)
  assert.equal(titleOf({title: ''}), undefined)
})

test('headline: a closing sequence needs a space before it (“C#” keeps its sign), and indented up to three spaces', () => {
  assert.equal(firstHeading('# Learning C#\n'), 'Learning C#')
  assert.equal(firstHeading('   # Indented ##  \n'), 'Indented')
  assert.equal(firstHeading('    # Code, not a heading\n'), undefined)
  assert.equal(firstHeading('#NoSpace\n'), undefined)
})

test('headline: export metadata reads the same headline', () => {
  assert.equal(articleMeta('---\ndate: 2023-03-25\n---\n\n# Learning C#\n\nText.\n', 'a.md').title, 'Learning C#')
  assert.equal(articleMeta('---\ntitle: From the front matter\n---\n\n# Heading\n', 'a.md').title, 'From the front matter')
})
