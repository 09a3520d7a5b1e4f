/**
 * The reference frontend's draft preview: the route that turns on Next.js draft mode, and the
 * story read it unlocks. Real Payload answers every API call the frontend makes (its fetches are
 * handed to the app's REST route handlers); only Next.js's request scope (`next/headers`) is
 * stood in for, since no Next.js server runs here.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import { send } from '../helpers/http'
import { useStaffPayload } from '../helpers/staff'

const SECRET = 'preview-test-secret'
process.env.PREVIEW_SECRET = SECRET

/** What `next/headers` gives the code under test: draft mode and the request's cookies. */
const request = vi.hoisted(() => ({ cookies: new Map<string, string>(), draftMode: false }))

vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined) }),
  draftMode: async () => ({
    disable: () => {
      request.draftMode = false
    },
    enable: () => {
      request.draftMode = true
    },
    get isEnabled() {
      return request.draftMode
    },
  }),
}))

/** Every fetch the frontend made: its URL and options, to check what reaches Next.js's data cache. */
const fetches: { init: RequestInit; url: string }[] = []

const { ctx, staff } = useStaffPayload()

const DRAFT = { paragraph: 'The harbour board has not yet voted on the new ferry timetable.', slug: 'ferry-timetable-draft', title: 'Ferry timetable, draft' }
const PUBLISHED = { slug: 'tram-line-reopens', title: 'Tram line reopens' }
const NEWER_DRAFT_TITLE = 'Tram line reopens after two years (embargoed detail)'

const richText = (text: string) => ({
  root: {
    children: [{ children: [{ detail: 0, format: 0, mode: 'normal', style: '', text, type: 'text', version: 1 }], direction: 'ltr', format: '', indent: 0, type: 'paragraph', version: 1 }],
    direction: 'ltr',
    format: '',
    indent: 0,
    type: 'root',
    version: 1,
  },
})

beforeAll(async () => {
  // The frontend calls the API over HTTP; here the app's own route handlers answer, as Next.js would.
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input)
    fetches.push({ init, url })
    // Next.js's fetch options (`next`, `cache`) mean nothing to a plain Request.
    const { cache: _cache, next: _next, ...plain } = init as RequestInit & { next?: unknown }
    return send(new Request(url, plain))
  })
  const author = await ctx.payload.create({ collection: 'authors', data: { name: 'Lena Ryabova', slug: 'lena-ryabova' } })
  await ctx.payload.create({
    collection: 'articles',
    data: { authors: [author.id], content: richText(DRAFT.paragraph) as any, slug: DRAFT.slug, title: DRAFT.title },
    draft: true,
  })
  const published = await ctx.payload.create({
    collection: 'articles',
    data: { _status: 'published', authors: [author.id], slug: PUBLISHED.slug, title: PUBLISHED.title },
  })
  await ctx.payload.update({ collection: 'articles', data: { title: NEWER_DRAFT_TITLE }, draft: true, id: published.id })
})

afterAll(() => {
  vi.unstubAllGlobals()
})

beforeEach(() => {
  request.cookies.clear()
  request.draftMode = false
  fetches.length = 0
})

afterEach(() => vi.unstubAllEnvs())

const previewRoute = () => import('@/app/(frontend)/next/preview/route')

const openPreview = async (query: Record<string, string | undefined>, cookie?: string): Promise<Response> => {
  const { GET } = await previewRoute()
  const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined))
  const url = `http://localhost:3000/next/preview?${params}`
  return GET(new Request(url, { headers: cookie ? { Cookie: cookie } : {} }))
}

describe('the preview route (/next/preview)', () => {
  it('answers 401 without the preview token, or with a wrong one, and leaves draft mode off', async () => {
    for (const query of [{ slug: DRAFT.slug }, { secret: 'guess', slug: DRAFT.slug }, { secret: `${SECRET}x`, slug: DRAFT.slug }]) {
      const response = await openPreview(query, `payload-token=${staff.editor.token}`)
      expect(response.status).toBe(401)
      expect(await response.text()).toMatch(/^secret:/)
    }
    expect(request.draftMode).toBe(false)
  })

  it('answers 401 to a visitor who is not logged in, or whose session the API does not know', async () => {
    for (const cookie of [undefined, 'payload-token=not-a-session', `theme=dark; payload-token=${staff.editor.token.slice(0, -4)}abcd`]) {
      const response = await openPreview({ secret: SECRET, slug: DRAFT.slug }, cookie)
      expect(response.status).toBe(401)
      expect(await response.text()).toBe('Log in to the admin to preview drafts.')
    }
    expect(request.draftMode).toBe(false)
  })

  it('turns on draft mode for a logged-in staff member and sends them to the story, uncached', async () => {
    const response = await openPreview({ collection: 'articles', secret: SECRET, slug: DRAFT.slug }, `theme=dark; payload-token=${staff.contributor.token}`)
    expect(response.status).toBe(307)
    expect(response.headers.get('location')).toBe(`/articles/${DRAFT.slug}`)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(request.draftMode).toBe(true)
    // The session was checked by the API, with the visitor's own token.
    expect(fetches.map(({ url }) => new URL(url).pathname)).toEqual(['/api/users/me'])
    expect(new Headers(fetches[0].init.headers).get('authorization')).toBe(`JWT ${staff.contributor.token}`)
  })

  it('names the parameter when the collection or the slug is wrong (400)', async () => {
    const cookie = `payload-token=${staff.editor.token}`
    const tags = await openPreview({ collection: 'tags', secret: SECRET, slug: 'x' }, cookie)
    expect(tags.status).toBe(400)
    expect(await tags.text()).toMatch(/^collection:/)
    const noSlug = await openPreview({ secret: SECRET, slug: ' ' }, cookie)
    expect(noSlug.status).toBe(400)
    expect(await noSlug.text()).toMatch(/^slug:/)
    expect(request.draftMode).toBe(false)
  })

  it('answers 404 naming PREVIEW_SECRET when preview is off (production without the variable)', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    vi.stubEnv('PREVIEW_SECRET', '')
    const response = await openPreview({ secret: SECRET, slug: DRAFT.slug }, `payload-token=${staff.editor.token}`)
    expect(response.status).toBe(404)
    expect(await response.text()).toContain('PREVIEW_SECRET')
    expect(request.draftMode).toBe(false)
  })
})

describe('the exit route (/next/exit-preview)', () => {
  const exit = async (path: string) => {
    const { GET } = await import('@/app/(frontend)/next/exit-preview/route')
    return GET(new Request(`http://localhost:3000/next/exit-preview?${new URLSearchParams({ path })}`))
  }

  it('turns draft mode off and returns to the page, on this site only', async () => {
    request.draftMode = true
    const back = await exit(`/articles/${DRAFT.slug}`)
    expect(back.status).toBe(307)
    expect(back.headers.get('location')).toBe(`/articles/${DRAFT.slug}`)
    expect(request.draftMode).toBe(false)
    for (const elsewhere of ['//evil.example/', '/\\evil.example', 'https://evil.example/']) {
      expect((await exit(elsewhere)).headers.get('location')).toBe('/')
    }
  })
})

describe('a story page in draft preview (readStory)', () => {
  const readStory = async (slug: string) => (await import('@/frontend/preview')).readStory(slug)

  it('shows an anonymous visitor no draft, with or without draft mode', async () => {
    expect(await readStory(DRAFT.slug)).toEqual({ article: null, preview: false })
    // Draft mode alone (a stale cookie, a logged-out editor) is not a session.
    request.draftMode = true
    expect(await readStory(DRAFT.slug)).toEqual({ article: null, preview: false })
    const published = await readStory(PUBLISHED.slug)
    expect(published.article?.title).toBe(PUBLISHED.title)
    expect(published.preview).toBe(false)
  })

  it('shows a session without draft mode the published story only', async () => {
    request.cookies.set('payload-token', staff.editor.token)
    expect((await readStory(DRAFT.slug)).article).toBeNull()
    expect((await readStory(PUBLISHED.slug)).article?.title).toBe(PUBLISHED.title)
  })

  it('shows the editor in draft mode the latest draft, read with their session and never cached', async () => {
    request.draftMode = true
    request.cookies.set('payload-token', staff.editor.token)
    const draft = await readStory(DRAFT.slug)
    expect(draft.preview).toBe(true)
    expect(draft.article?.title).toBe(DRAFT.title)
    expect(JSON.stringify(draft.article?.content)).toContain(DRAFT.paragraph)
    expect(draft.article?.authors[0]).toMatchObject({ name: 'Lena Ryabova' })
    expect((await readStory(PUBLISHED.slug)).article?.title).toBe(NEWER_DRAFT_TITLE)

    const draftReads = fetches.filter(({ url }) => url.includes('draft=true'))
    expect(draftReads).toHaveLength(2)
    for (const { init } of draftReads) {
      // Not in Next.js's data cache, which serves every reader: no store, no revalidation tags.
      expect(init.cache).toBe('no-store')
      expect(init).not.toHaveProperty('next')
      expect(new Headers(init.headers).get('authorization')).toBe(`JWT ${staff.editor.token}`)
    }
  })

  it('gets a private, uncacheable answer from the API for the draft', async () => {
    const response = await send(
      new Request(`http://localhost:3000/api/articles?where[slug][equals]=${DRAFT.slug}&draft=true&depth=1`, {
        headers: { Authorization: `JWT ${staff.editor.token}` },
      }),
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('private, no-store')
  })

  it('shows the anonymous API nothing of the draft, even when it asks for drafts', async () => {
    const response = await send(new Request(`http://localhost:3000/api/articles?where[slug][equals]=${DRAFT.slug}&draft=true&depth=1`))
    expect(((await response.json()) as { docs: unknown[] }).docs).toEqual([])
    const published = await send(new Request(`http://localhost:3000/api/articles?where[slug][equals]=${PUBLISHED.slug}&draft=true`))
    expect(JSON.stringify(await published.json())).not.toContain('embargoed')
  })
})
