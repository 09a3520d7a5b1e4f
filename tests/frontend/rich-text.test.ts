/**
 * The reference frontend's rich text renderer: content stored before validation existed (or written
 * around the API) must not reach a reader as a `javascript:`/`data:` link or as raw HTML.
 */
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { RichText } from '@/frontend/components/RichText'

import { autolink, editorState, internalLink, link, paragraph, text, upload } from '../richText/lexical'

const render = (data: unknown) => renderToStaticMarkup(createElement(RichText, { data: data as any }))

/** Every href the markup carries, entity references decoded as a browser would. */
const hrefs = (html: string) =>
  [...html.matchAll(/href="([^"]*)"/g)].map(([, value]) => value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#x27;/g, "'"))

const UNSAFE_URLS = [
  'javascript:alert(document.cookie)',
  ' JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '//evil.example/login',
  '/\\evil.example/login',
  'vbscript:msgbox(1)',
]

describe('frontend RichText', () => {
  it.each(UNSAFE_URLS)('renders a link to %j as its plain text', (url) => {
    const html = render(editorState(paragraph(text('Read '), link(url), text(' now.'))))
    expect(hrefs(html)).toEqual([])
    expect(html).toContain('Read the details now.')
  })

  it('renders an autolink with an unsafe URL as plain text', () => {
    const html = render(editorState(paragraph(autolink('javascript:alert(1)'))))
    expect(hrefs(html)).toEqual([])
    expect(html).toContain('javascript:alert(1)')
  })

  it('renders populated internal links as links to the story, tag or author page', () => {
    const html = render(
      editorState(
        paragraph(
          internalLink('articles', { id: 7, slug: 'harbour-works', title: 'Harbour works' }, 'the works'),
          internalLink('tags', { id: 3, name: 'Port', slug: 'port' }, 'the port'),
          internalLink('authors', { id: 2, name: 'Ada', slug: 'ada lovelace' }, 'Ada'),
        ),
      ),
    )
    expect(hrefs(html)).toEqual(['/articles/harbour-works', '/tags/port', '/authors/ada%20lovelace'])
  })

  it('renders internal links whose target came back unpopulated, unreadable or elsewhere as plain text', () => {
    const cases = [
      link(null, { doc: { relationTo: 'articles', value: 7 }, linkType: 'internal' }),
      link(null, { doc: { relationTo: 'articles', value: null }, linkType: 'internal' }),
      link(null, { doc: { relationTo: 'users', value: { id: 1, slug: 'admin' } }, linkType: 'internal' }),
      link(null, { doc: { relationTo: 'articles', value: { id: 7 } }, linkType: 'internal' }),
      link('https://example.com', { doc: { relationTo: 'articles', value: 7 }, linkType: 'custom' }),
      link('https://example.com', { linkType: 'internal' }),
    ]
    for (const node of cases) {
      const html = render(editorState(paragraph(node)))
      expect(hrefs(html), JSON.stringify(node)).toEqual([])
      expect(html).toContain('the details')
    }
  })

  it('renders nothing for html, iframe, relationship, block and other unknown nodes', () => {
    const html = render(
      editorState(
        paragraph(text('Before.')),
        { type: 'html', html: '<script>alert(1)</script>', version: 1 },
        { type: 'iframe', src: 'https://evil.example', version: 1 },
        { type: 'relationship', relationTo: 'articles', value: { id: 7, title: 'Embargoed scoop' }, version: 2 },
        { type: 'block', fields: { blockType: 'embed', html: '<b>x</b>' }, version: 2 },
        upload('users', { id: 1, email: 'admin@newsroom.test', mimeType: 'text/html', url: 'javascript:alert(1)' }),
        paragraph(text('After.')),
      ),
    )
    expect(html).toBe('<div class="payload-richtext"><p>Before.</p><p>After.</p></div>')
  })

  it('renders a populated media upload as an image', () => {
    const media = { alt: 'A blue square', height: 4, id: 3, mimeType: 'image/png', url: '/api/media/file/blue.png', width: 4 }
    expect(render(editorState(upload('media', media)))).toContain('<img alt="A blue square" height="4" src="/api/media/file/blue.png" width="4"/>')
  })

  it('renders safe links as links', () => {
    const safe = ['https://example.com/a?b=1', 'http://example.org', 'mailto:desk@newsroom.example', 'tel:+351210000000', '/articles/x', '#comments']
    const html = render(editorState(paragraph(...safe.map((url) => link(url)))))
    expect(hrefs(html)).toEqual(safe)
  })
})
