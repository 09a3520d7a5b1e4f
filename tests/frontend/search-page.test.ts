/**
 * The reference frontend's search page: its form, the hits with their highlighted snippets, paging
 * and a refused query. Real Payload answers the page's API calls (its fetches are handed to the
 * app's REST route handlers); the server component is rendered to markup as Next.js would.
 */
import type { ReactElement } from 'react'

import { renderToStaticMarkup } from 'react-dom/server'
import { beforeAll, describe, expect, it, vi } from 'vitest'

import { richText } from '@/seed/lexical'

import { send } from '../helpers/http'
import { useTestPayload } from '../helpers/bootPayload'

const ctx = useTestPayload()

beforeAll(async () => {
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init: RequestInit = {}) => {
    // Next.js's fetch options (`next`, `cache`) mean nothing to a plain Request.
    const { cache: _cache, next: _next, ...plain } = init as RequestInit & { next?: unknown }
    return send(new Request(String(input), plain))
  })
  const author = await ctx.payload.create({ collection: 'authors', data: { name: 'Pilar Ortega', slug: 'pilar-ortega' } })
  for (let index = 1; index <= 12; index++) {
    await ctx.payload.create({
      collection: 'articles',
      data: {
        _status: 'published',
        authors: [author.id],
        content: richText([`Lighthouse keepers logged <fog> on night ${index}.`]),
        title: `Lighthouse log ${index}`,
      },
    })
  }
  await ctx.payload.create({ collection: 'articles', data: { _status: 'draft', authors: [author.id], title: 'Lighthouse sale, embargoed' } })
})

const render = async (searchParams: Record<string, string>): Promise<string> => {
  const { default: SearchPage } = await import('@/app/(frontend)/search/page')
  return renderToStaticMarkup((await SearchPage({ searchParams: Promise.resolve(searchParams) })) as ReactElement)
}

describe('frontend: the search page', () => {
  it('offers an empty form and searches nothing without a query', async () => {
    const html = await render({})
    expect(html).toContain('role="search"')
    expect(html).toContain('name="q"')
    expect(html).not.toContain('found for')
  })

  it('lists the hits with their escaped, highlighted snippets and pages through them, never a draft', async () => {
    const first = await render({ q: 'lighthouse fog' })
    expect(first).toContain('12 stories found')
    expect(first.match(/<article/g)).toHaveLength(10)
    expect(first).toContain('<mark>fog</mark>')
    // Escaped on SQLite (`&lt;fog&gt;`); PostgreSQL's snippets read angle brackets as spaces.
    expect(first).not.toContain('<fog>')
    expect(first).not.toContain('embargoed')
    expect(first).toContain('href="/search?page=2&amp;q=lighthouse+fog"')
    const second = await render({ page: '2', q: 'lighthouse fog' })
    expect(second.match(/<article/g)).toHaveLength(2)
    expect(second).toContain('Page 2 of 2')
  })

  it('shows the API’s message for a query it refuses', async () => {
    const html = await render({ q: '***' })
    expect(html).toContain('role="alert"')
    expect(html).toContain('q must contain at least one letter or digit.')
  })
})
