import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { getReadMoreLinks } from '@plugins/read-more'

import { bootScratch, type ScratchContext, type ScratchDoc } from './scratchConfig'

let ctx: ScratchContext
let member: Awaited<ReturnType<ScratchContext['login']>>
const subject: Record<'common' | 'private' | 'rare', ScratchDoc> = {} as never
const episode: Record<string, ScratchDoc> = {}

const create = async (name: string, subjects: ScratchDoc[], data: Record<string, unknown> = {}) => {
  episode[name] = await ctx.local.create({
    collection: 'episodes',
    data: { headline: `Episode ${name}`, subjects: subjects.map(({ id }) => id), ...data },
  })
  return episode[name]
}

type LooseLink = { collection?: null | string; id?: null | number | string; source: string; url?: null | string }

const named = (links: LooseLink[]) =>
  links.map(({ collection, id, source, url }) => {
    if (url) return `${source}:${url}`
    const name = Object.entries(collection === 'episodes' ? episode : subject).find(([, doc]) => String(doc.id) === String(id))?.[0]
    return `${source}:${collection}:${name}`
  })

beforeAll(async () => {
  ctx = await bootScratch()
  member = await ctx.login()
  subject.rare = await ctx.local.create({ collection: 'subjects', data: { label: 'Tide pools' } })
  subject.common = await ctx.local.create({ collection: 'subjects', data: { label: 'Science' } })
  subject.private = await ctx.local.create({ collection: 'subjects', data: { label: 'Producers', private: true } })
  for (let i = 1; i <= 4; i++) await create(`S${i}`, [subject.common])
  await create('Rare', [subject.rare])
  await create('Newer', [subject.common])
  await create('PrivateOnly', [subject.private])
  await create('Members', [subject.rare, subject.common], { membersOnly: true })
  await create('Later', [])
  await create('Source', [subject.rare, subject.common, subject.private], {
    readMore: [
      { type: 'external', title: 'Field notes', url: 'https://notes.example.org/tides' },
      { type: 'internal', doc: { relationTo: 'subjects', value: subject.rare.id } },
      { type: 'internal', doc: { relationTo: 'episodes', value: episode.Later.id } },
    ],
  })
  // Linked while public, then restricted: the link must disappear for the public from then on.
  await ctx.local.update({ collection: 'episodes', data: { membersOnly: true }, id: episode.Later.id })
})
afterAll(async () => ctx?.shutdown())

describe('read-more on a second collection (episodes, tagsField "subjects", no drafts, no publishedAt)', () => {
  it('adds the field with its own label and limit, and counts topics of that collection', async () => {
    const episodes = ctx.config.collections.find(({ slug }) => (slug as string) === 'episodes')!
    expect(episodes.fields.find((field) => 'name' in field && field.name === 'readMore')).toMatchObject({ label: 'See also', maxRows: 3 })
    const { docs } = await ctx.local.find({ collection: 'read-more-topic-counts', limit: 100 })
    const counts = Object.fromEntries(docs.map((doc) => [`${doc.collectionSlug}:${doc.topic}`, doc.documents]))
    expect(counts).toEqual({
      'episodes:*': 10,
      [`episodes:${subject.common.id}`]: 7,
      [`episodes:${subject.private.id}`]: 2,
      [`episodes:${subject.rare.id}`]: 3,
    })
  })

  it('ranks by the collection’s own read access and topics, over REST, GraphQL and the Local API', async () => {
    // The public may not read members-only episodes nor private subjects; ties go to the newer createdAt.
    const publicLinks = [
      'curated:https://notes.example.org/tides',
      'curated:subjects:rare',
      'auto:episodes:Rare',
      'auto:episodes:Newer',
      'auto:episodes:S4',
      'auto:episodes:S3',
    ]
    const memberLinks = [
      'curated:https://notes.example.org/tides',
      'curated:subjects:rare',
      'curated:episodes:Later',
      'auto:episodes:Members',
      'auto:episodes:Rare',
      'auto:episodes:Newer',
    ]
    const path = `/episodes/${episode.Source.id}/read-more?limit=6`
    expect(named((await ctx.rest('GET', path)).body.links)).toEqual(publicLinks)
    expect(named((await ctx.rest('GET', path, undefined, member.token)).body.links)).toEqual(memberLinks)
    const query = `query($id: Int!) { ReadMore(collection: "episodes", id: $id, limit: 6) { kind source title collection id slug url } }`
    expect(named((await ctx.graphql(query, { id: episode.Source.id })).body.data.ReadMore)).toEqual(publicLinks)
    const local = await getReadMoreLinks({ id: episode.Source.id, collection: 'episodes', limit: 6, payload: ctx.payload })
    expect(named(local)).toEqual(publicLinks)
    // No publishedAt, excerpt or image field on episodes; subjects have no slug.
    expect(local[2]).toEqual({
      collection: 'episodes',
      context: { name: 'Tide pools', slug: null },
      excerpt: null,
      id: episode.Rare.id,
      image: null,
      kind: 'internal',
      publishedAt: null,
      slug: null,
      source: 'auto',
      title: 'Episode Rare',
    })
    // The default limit is this installation's maxLinks (3).
    expect((await ctx.rest('GET', `/episodes/${episode.Source.id}/read-more`)).body.links).toHaveLength(3)
  })

  it('hides a target restricted after linking from the public in the readMore field, and 404s on a members-only episode', async () => {
    const publicDoc = await ctx.rest('GET', `/episodes/${episode.Source.id}?depth=1`)
    expect(publicDoc.body.readMore.map((row: { type: string }) => row.type)).toEqual(['external', 'internal'])
    const memberDoc = await ctx.rest('GET', `/episodes/${episode.Source.id}?depth=1`, undefined, member.token)
    expect(memberDoc.body.readMore).toHaveLength(3)
    expect(JSON.stringify(publicDoc.body)).not.toContain('Episode Later')
    const { body, status } = await ctx.rest('GET', `/episodes/${episode.Members.id}/read-more`)
    expect([status, body]).toEqual([404, { errors: [{ message: 'Not Found' }] }])
  })

  it('validates with the collection’s own access: a private subject and a self-link are refused', async () => {
    const { body, status } = await ctx.rest(
      'PATCH',
      `/episodes/${episode.Source.id}`,
      {
        readMore: [
          { type: 'internal', doc: { relationTo: 'subjects', value: subject.private.id } },
          { type: 'internal', doc: { relationTo: 'episodes', value: episode.Source.id } },
        ],
      },
      member.token,
    )
    expect(status).toBe(400)
    const messages = body.errors[0].data.errors.map((error: { message: string; path: string }) => `${error.path}: ${error.message}`)
    expect(messages.sort()).toEqual([
      'readMore.0.doc: This subject is not visible to the public, so it cannot be a "Read more" link.',
      'readMore.1.doc: A document cannot link to itself.',
    ])
  })
})
