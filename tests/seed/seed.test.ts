import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import type { CollectionSlug, RichTextField, Where } from 'payload'

import { editorConfigFactory, getEnabledNodes } from '@payloadcms/richtext-lexical'
import { createHeadlessEditor } from '@payloadcms/richtext-lexical/lexical/headless'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, User } from '@/payload-types'
import type { SeedSummary } from '@/seed'

import { demoLogins, seed } from '@/seed'
import { articles as articleSeeds } from '@/seed/data/articles'

import { bootPayload, type TestContext } from '../helpers/bootPayload'
import { rest } from '../helpers/http'

const COUNTED: CollectionSlug[] = ['users', 'authors', 'tags', 'articles', 'comments', 'media', 'payload-jobs']

let ctx: TestContext
let first: SeedSummary
let second: SeedSummary
let countsAfterFirst: Record<string, number>
let countsAfterSecond: Record<string, number>
let editor: User & { collection: 'users' }

const count = async (collection: CollectionSlug, where?: Where): Promise<number> =>
  (await ctx.payload.count({ collection, overrideAccess: true, where })).totalDocs

const countAll = async (): Promise<Record<string, number>> => {
  const counts: Record<string, number> = {}
  for (const collection of COUNTED) counts[collection] = await count(collection)
  counts['article versions'] = (await ctx.payload.countVersions({ collection: 'articles' })).totalDocs
  return counts
}

// Read as the editor: hideUnreadableRelations drops the ids of tags the reader may not see, even with overrideAccess.
const allArticles = async (): Promise<Article[]> =>
  (await ctx.payload.find({ collection: 'articles', depth: 0, pagination: false, user: editor })).docs

const pendingScheduleJobs = async () =>
  (
    await ctx.payload.find({
      collection: 'payload-jobs',
      overrideAccess: true,
      pagination: false,
      where: { and: [{ taskSlug: { equals: 'schedulePublish' } }, { completedAt: { exists: false } }] },
    })
  ).docs

const userID = async (email: string): Promise<number> => {
  const { docs } = await ctx.payload.find({ collection: 'users', where: { email: { equals: email } } })
  return docs[0].id
}

beforeAll(async () => {
  ctx = await bootPayload()
  first = await seed(ctx.payload)
  countsAfterFirst = await countAll()
  second = await seed(ctx.payload)
  countsAfterSecond = await countAll()
  const { docs } = await ctx.payload.find({ collection: 'users', where: { email: { equals: 'editor@newsroom.test' } } })
  editor = { ...docs[0], collection: 'users' }
})

afterAll(async () => {
  // Uploads land in the project's media folder, not the temporary one: deleting the documents removes the files.
  await ctx?.payload.delete({ collection: 'media', overrideAccess: true, where: { id: { exists: true } } })
  await ctx?.shutdown()
})

describe('seed', () => {
  it('creates one login per role, each signing in with the password the seed prints', async () => {
    expect(countsAfterFirst.users).toBe(4)
    expect(first.users).toEqual({ created: 4, existing: 0 })
    for (const { email, password, role } of demoLogins) {
      const { user } = await ctx.payload.login({ collection: 'users', data: { email, password } })
      expect(user?.role).toBe(role)
    }
    expect(demoLogins.map(({ role }) => role)).toEqual(['admin', 'editor', 'author', 'contributor'])
  })

  it('creates bylines, two of them linked to the author and contributor logins', async () => {
    expect(countsAfterFirst.authors).toBeGreaterThanOrEqual(3)
    for (const role of ['author', 'contributor'] as const) {
      const id = await userID(`${role}@newsroom.test`)
      expect(await count('authors', { user: { equals: id } })).toBe(1)
    }
  })

  it('creates at least twelve tags, exactly one of them internal', async () => {
    expect(countsAfterFirst.tags).toBeGreaterThanOrEqual(12)
    expect(await count('tags', { internal: { equals: true } })).toBe(1)
  })

  it('creates published stories, drafts and a scheduled one, each tagged and bylined', async () => {
    const docs = await allArticles()
    expect(docs.length).toBeGreaterThanOrEqual(8)
    expect(docs.filter((doc) => doc._status === 'draft').length).toBeGreaterThanOrEqual(3)
    const published = docs.filter((doc) => doc._status === 'published')
    expect(published.length).toBeGreaterThanOrEqual(5)
    for (const doc of published) expect(new Date(doc.publishedAt!).getTime()).toBeLessThan(Date.now())
    expect(new Set(published.map((doc) => doc.publishedAt)).size).toBe(published.length)
    for (const doc of docs) {
      expect(doc.authors.length).toBeGreaterThanOrEqual(1)
      expect(doc.authors.length).toBeLessThanOrEqual(2)
      expect(doc.tags?.length).toBeGreaterThanOrEqual(2)
      expect(doc.tags?.length).toBeLessThanOrEqual(5)
      expect(doc.excerpt?.length).toBeGreaterThan(0)
      const nodeTypes = doc.content?.root.children.map((node) => node.type) ?? []
      expect(nodeTypes.filter((type) => type === 'paragraph').length).toBeGreaterThanOrEqual(2)
      expect(nodeTypes).toContain('quote')
    }
    expect(docs.filter((doc) => doc.commentsEnabled === false)).toHaveLength(1)
    const internal = await ctx.payload.find({ collection: 'tags', where: { internal: { equals: true } } })
    expect(docs.filter((doc) => doc.tags?.includes(internal.docs[0].id))).toHaveLength(1)
  })

  it('files stories as the demo accounts, so createdBy names the author or contributor', async () => {
    const docs = await allArticles()
    const contributor = await userID('contributor@newsroom.test')
    const author = await userID('author@newsroom.test')
    const filedBy = (slug: string) => docs.find((doc) => doc.slug === slug)?.createdBy
    for (const { filedBy: role, slug } of articleSeeds) {
      if (role === 'contributor') expect(filedBy(slug)).toBe(contributor)
      if (role === 'author') expect(filedBy(slug)).toBe(author)
    }
    // A contributor's published story went through the editor, so it has a publication date like the others.
    const contributorsPublished = docs.filter((doc) => doc.createdBy === contributor && doc._status === 'published')
    expect(contributorsPublished.length).toBeGreaterThan(0)
    for (const doc of contributorsPublished) expect(doc.publishedAt).toBeTruthy()
  })

  it('puts the contributor’s draft in review, so the editor’s queue is not empty in the demo', async () => {
    const inReview = await ctx.payload.find({ collection: 'articles', depth: 0, draft: true, where: { workflow: { equals: 'inReview' } } })
    expect(inReview.docs.map(({ slug }) => slug)).toEqual(['tagus-ferry-crews-vote-to-strike'])
    expect(inReview.docs[0]).toMatchObject({ _status: 'draft', createdBy: await userID('contributor@newsroom.test') })
  })

  it('queues the scheduled story for publication a few days ahead, as the editor', async () => {
    const jobs = await pendingScheduleJobs()
    expect(jobs).toHaveLength(1)
    const scheduled = (await allArticles()).find((doc) => doc.slug === 'the-island-that-wants-to-unplug-from-diesel')!
    expect(scheduled._status).toBe('draft')
    expect(jobs[0].input).toMatchObject({
      type: 'publish',
      doc: { relationTo: 'articles', value: String(scheduled.id) },
      user: { relationTo: 'users', value: await userID('editor@newsroom.test') },
    })
    expect(new Date(jobs[0].waitUntil!).getTime()).toBeGreaterThan(Date.now() + 24 * 60 * 60 * 1000)
  })

  it('creates approved, pending, spam and rejected comments, with replies to approved ones', async () => {
    for (const status of ['approved', 'pending', 'spam', 'rejected']) {
      expect(await count('comments', { status: { equals: status } })).toBeGreaterThanOrEqual(1)
    }
    const { docs: replies } = await ctx.payload.find({
      collection: 'comments',
      depth: 1,
      user: editor,
      where: { parent: { exists: true } },
    })
    expect(replies.length).toBeGreaterThanOrEqual(1)
    for (const reply of replies) {
      expect(reply.parent).toMatchObject({ status: 'approved' })
      expect(reply.article).toMatchObject({ _status: 'published' })
    }
  })

  it('gives some stories a hero image', async () => {
    expect(countsAfterFirst.media).toBeGreaterThanOrEqual(1)
    const withHero = (await allArticles()).filter((doc) => doc.heroImage)
    expect(withHero.length).toBe(countsAfterFirst.media)
  })

  it('stores body copy the Lexical editor loads without error', async () => {
    const field = ctx.payload.collections.articles.config.flattenedFields.find((f) => f.name === 'content')
    const editorConfig = editorConfigFactory.fromField({ field: field as RichTextField })
    const editor = createHeadlessEditor({ nodes: getEnabledNodes({ editorConfig }) })
    for (const doc of await allArticles()) {
      const state = editor.parseEditorState(doc.content as unknown as SerializedEditorState)
      expect(state.isEmpty()).toBe(false)
    }
  })

  it('creates nothing on a second run', () => {
    for (const { created } of Object.values(second)) expect(created).toBe(0)
    expect(countsAfterSecond).toEqual(countsAfterFirst)
  })

  it('shows anonymous readers only the published stories and public tags', async () => {
    const { docs, totalDocs } = await ctx.payload.find({ collection: 'articles', depth: 0, overrideAccess: false })
    expect(totalDocs).toBe(await count('articles', { _status: { equals: 'published' } }))
    expect(docs.every((doc) => doc._status === 'published')).toBe(true)
    const tags = await ctx.payload.find({ collection: 'tags', depth: 0, limit: 100, overrideAccess: false })
    expect(tags.totalDocs).toBe(countsAfterFirst.tags - 1)
    expect(tags.docs.some((tag) => tag.internal)).toBe(false)
  })

  // Last: it publishes the scheduled story, which the assertions above expect to be a draft.
  it('finds the obviously best seeded story first when searching, and never a draft or the scheduled story', async () => {
    const first = async (q: string): Promise<string | undefined> =>
      (await rest('GET', `/search?q=${encodeURIComponent(q)}`)).body.docs[0]?.title
    expect(await first('typhoon power')).toMatch(/^Typhoon leaves/)
    expect(await first('lisbon solar')).toMatch(/^Lisbon tram depots/)
    expect(await first('short-let licences')).toMatch(/^Lisbon extends freeze/)
    expect(await first('pollock')).toMatch(/^Pollock catch limit/)
    expect(await first('container berth')).toMatch(/^Vladivostok terminal/)
    // The ferry strike is a draft; the island story is scheduled, not yet published.
    expect(await first('tagus ferry')).toBeUndefined()
    expect(await first('unplug')).toBeUndefined()
  })

  it('publishes the scheduled story when its job runs', async () => {
    const [job] = await pendingScheduleJobs()
    await ctx.payload.update({
      id: job.id,
      collection: 'payload-jobs',
      data: { waitUntil: new Date(Date.now() - 1000).toISOString() },
      overrideAccess: true,
    })
    await ctx.payload.jobs.run()
    const { docs } = await ctx.payload.find({
      collection: 'articles',
      overrideAccess: true,
      where: { slug: { equals: 'the-island-that-wants-to-unplug-from-diesel' } },
    })
    expect(docs[0]._status).toBe('published')
    expect(docs[0].publishedAt).toBeTruthy()
    expect(await pendingScheduleJobs()).toHaveLength(0)
    // Once the story is out, a new run does not schedule it again.
    expect((await seed(ctx.payload)).scheduledPublications).toEqual({ created: 0, existing: 0 })
  })
})
