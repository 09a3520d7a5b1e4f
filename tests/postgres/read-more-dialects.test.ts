/**
 * The read-more ranking must not depend on the database: the same stories give the same links,
 * in the same order (ties included), on SQLite and on PostgreSQL. One file boots the project's
 * config twice, on a SQLite file and on a scratch PostgreSQL database, writes the same data to
 * both through the Local API, and compares every story's links. `npm run test:postgres` runs it.
 */
import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Tag } from '@/payload-types'

import { getReadMoreLinks, type ReadMoreLink } from '@plugins/read-more'

import { bootPayload, type TestContext } from '../helpers/bootPayload'
import { getFromInstance } from '../helpers/http'
import { createStaff, type Staff } from '../helpers/staff'
import { createPostgresDatabase, createSQLiteDatabase } from '../helpers/testDatabase'

const STORIES = 48
const PUBLIC_TAGS = 8

type Instance = { ctx: TestContext; key: string; staff: Staff; storyIDs: number[] }

const instances: Instance[] = []

// Twelve stories a day, so many share a date; stories eight apart share their tags too: their
// scores and dates tie, and only the id orders them. Milliseconds test the timestamps' precision.
const publishedAt = (story: number) => new Date(Date.UTC(2024, 0, 1 + Math.floor(story / 12), 12, 0, 0, story % 3)).toISOString()
const isDraft = (story: number) => story % 11 === 0

/** Tag indexes of a story: tag 0 on every other story (a common topic), two more by a fixed pattern. */
const tagsOf = (story: number) => [...new Set([...(story % 2 === 0 ? [0] : []), story % PUBLIC_TAGS, (story * 3 + 1) % PUBLIC_TAGS])]

/** The same documents, in the same order, on one database. */
const fill = async ({ ctx: { payload }, staff, storyIDs }: Instance): Promise<void> => {
  const user = staff.editor.user
  const authors = []
  for (const name of ['Ana Byline', 'Ben Byline']) {
    authors.push((await payload.create({ collection: 'authors', data: { name, slug: name.toLowerCase().replace(' ', '-') } })).id)
  }
  const tags: Tag[] = []
  for (let i = 0; i < PUBLIC_TAGS; i++) tags.push(await payload.create({ collection: 'tags', data: { name: `Topic ${i}`, slug: `topic-${i}` } }))
  const internal = await payload.create({ collection: 'tags', data: { name: 'Desk notes', internal: true, slug: 'desk-notes' } })
  for (let story = 1; story <= STORIES; story++) {
    const draft = isDraft(story)
    const readMore =
      story === 30
        ? [
            { type: 'internal' as const, doc: { relationTo: 'articles' as const, value: storyIDs[12] } },
            { type: 'external' as const, title: 'The archive', url: 'https://archive.example.org/topic' },
            // A draft: hidden from the public, shown to staff.
            { type: 'internal' as const, doc: { relationTo: 'articles' as const, value: storyIDs[22] } },
            { type: 'internal' as const, doc: { relationTo: 'tags' as const, value: tags[3].id } },
          ]
        : []
    const created = await payload.create({
      collection: 'articles',
      data: {
        _status: draft ? 'draft' : 'published',
        authors: [authors[story % 2]],
        publishedAt: draft ? undefined : publishedAt(story),
        readMore,
        slug: `story-${story}`,
        tags: [...tagsOf(story).map((index) => tags[index].id), ...(story % 7 === 0 ? [internal.id] : [])],
        title: `Story ${story}`,
      },
      draft,
      user,
    })
    storyIDs[story] = created.id
  }
  // A draft saved over a published story: its stored (published) topics still count.
  await payload.update({ collection: 'articles', data: { tags: [internal.id] }, draft: true, id: storyIDs[5], user })
}

type Reads = { public: ReadMoreLink[] | string; rest: unknown; staff: ReadMoreLink[] | string }

/** Every story's links: for the public and for staff through the Local API, and over REST for the public. */
const readAll = async ({ ctx, key, staff, storyIDs }: Instance): Promise<Record<string, Reads>> => {
  const read = (payload: Payload, id: number, user: null | Staff['admin']['user']) =>
    getReadMoreLinks({ id, collection: 'articles', limit: 20, payload, user }).catch((error: { status?: number }) => `error ${error.status}`)
  const all: Record<string, Reads> = {}
  for (let story = 1; story <= STORIES; story++) {
    const id = storyIDs[story]
    const rest = await getFromInstance({ config: ctx.config, key }, `/articles/${id}/read-more?limit=20`)
    all[`story-${story}`] = {
      public: await read(ctx.payload, id, null),
      rest: rest.status === 200 ? rest.body.links : `status ${rest.status}`,
      staff: await read(ctx.payload, id, staff.admin.user),
    }
  }
  return all
}

beforeAll(async () => {
  for (const [key, database] of [
    ['sqlite', await createSQLiteDatabase()],
    ['postgres', await createPostgresDatabase()],
  ] as const) {
    const ctx = await bootPayload({ database, key })
    const instance: Instance = { ctx, key, staff: await createStaff(ctx.payload), storyIDs: [] }
    instances.push(instance)
    await fill(instance)
  }
})
afterAll(async () => {
  for (const { ctx } of instances) await ctx.shutdown()
})

describe('read-more on SQLite and PostgreSQL', () => {
  it('runs on one database of each dialect', () => {
    expect(instances.map(({ ctx }) => ctx.payload.db.name)).toEqual(['sqlite', 'postgres'])
  })

  it('gives every story the same links in the same order, ties included, for the public and for staff', async () => {
    const [sqlite, postgres] = await Promise.all(instances.map(readAll))
    // Not an empty comparison: most stories get a full list of automatic links, drafts are 404s to the public.
    const lists = Object.values(sqlite)
    const autoLinks = (links: ReadMoreLink[] | string) => (typeof links === 'string' ? [] : links.filter((link) => link.source === 'auto'))
    expect(lists.filter((reads) => autoLinks(reads.public).length >= 10).length).toBeGreaterThan(30)
    expect(lists.filter((reads) => reads.rest === 'status 404' && reads.public === 'error 404')).toHaveLength(4)
    expect(postgres).toEqual(sqlite)
  })
})
