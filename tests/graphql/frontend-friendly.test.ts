import { beforeAll, describe, expect, it } from 'vitest'

import { graphql, rest } from '../helpers/http'
import { useStaffPayload } from '../helpers/staff'

const { ctx, staff } = useStaffPayload()

let ids: { both: number; draft: number; harbours: number; internal: number }

beforeAll(async () => {
  const { payload } = ctx
  const author = await payload.create({ collection: 'authors', data: { name: 'Tomas Berg', slug: 'tomas-berg' } })
  const other = await payload.create({ collection: 'authors', data: { name: 'Aiko Mori', slug: 'aiko-mori' } })
  const harbours = await payload.create({ collection: 'tags', data: { name: 'Harbours', slug: 'harbours' } })
  const weather = await payload.create({ collection: 'tags', data: { name: 'Weather', slug: 'weather' } })
  const secret = await payload.create({ collection: 'tags', data: { internal: true, name: 'Legal hold', slug: 'legal-hold' } })
  const story = (title: string, data: object) =>
    payload.create({ collection: 'articles', data: { _status: 'published', authors: [author.id], title, ...data } }).then(({ id }) => id)
  ids = {
    both: await story('Storm closes the harbour', { authors: [other.id], tags: [harbours.id, weather.id] }),
    draft: await payload
      .create({ collection: 'articles', data: { _status: 'draft', authors: [author.id], tags: [harbours.id], title: 'Harbour draft' } })
      .then(({ id }) => id),
    harbours: await story('New pier for the harbour', { tags: [harbours.id] }),
    internal: await story('Court case pending', { tags: [secret.id] }),
  }
})

const articles = async (where: string, token?: string): Promise<number[]> => {
  const { body } = await graphql(`{ Articles(where: ${where}, sort: "title") { docs { id } } }`, {}, token)
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined()
  return body.data.Articles.docs.map(({ id }: { id: number }) => id).sort()
}

describe('GraphQL: filtering stories by a tag or author slug in one request', () => {
  it('finds the published stories carrying a tag or author by its slug', async () => {
    expect(await articles('{ tags__slug: { equals: "harbours" } }')).toEqual([ids.both, ids.harbours].sort())
    expect(await articles('{ tags__slug: { in: ["weather"] } }')).toEqual([ids.both])
    expect(await articles('{ authors__slug: { equals: "aiko-mori" } }')).toEqual([ids.both])
    expect(await articles('{ AND: [{ tags__slug: { equals: "harbours" } }, { authors__slug: { equals: "aiko-mori" } }] }')).toEqual([ids.both])
    expect(await articles('{ OR: [{ tags__slug: { equals: "weather" } }, { tags__slug: { equals: "harbours" } }] }')).toEqual(
      [ids.both, ids.harbours].sort(),
    )
  })

  it('answers as REST does for where[tags.slug]', async () => {
    const { body } = await rest('GET', '/articles?where[tags.slug][equals]=harbours&sort=title&depth=0')
    expect(body.docs.map(({ id }: { id: number }) => id).sort()).toEqual(await articles('{ tags__slug: { equals: "harbours" } }'))
  })

  it('lets staff filter drafts too, and never tells the public which stories carry an internal tag', async () => {
    expect(await articles('{ tags__slug: { equals: "legal-hold" } }')).toEqual([])
    expect(await articles('{ tags__slug: { equals: "legal-hold" } }', staff.editor.token)).toEqual([ids.internal])
    expect(await articles('{ tags__slug: { equals: "harbours" } }', staff.editor.token)).toContain(ids.draft)
  })
})

describe('GraphQL: fields no stored document lacks are non-null', () => {
  it('types Article.title and the slugs of articles, tags and authors as non-null, and serves them for drafts too', async () => {
    const kinds = async (type: string) => {
      const { body } = await graphql(`{ __type(name: "${type}") { fields { name type { kind } } } }`)
      return Object.fromEntries(body.data.__type.fields.map(({ name, type: { kind } }: { name: string; type: { kind: string } }) => [name, kind]))
    }
    expect(await kinds('Article')).toMatchObject({ slug: 'NON_NULL', title: 'NON_NULL' })
    expect(await kinds('Tag')).toMatchObject({ name: 'NON_NULL', slug: 'NON_NULL' })
    expect(await kinds('Author')).toMatchObject({ name: 'NON_NULL', slug: 'NON_NULL' })
    const { body } = await graphql('{ Articles(draft: true, limit: 100) { docs { id title slug } } }', {}, staff.editor.token)
    expect(body.errors).toBeUndefined()
    expect(body.data.Articles.docs.map(({ id }: { id: number }) => id)).toContain(ids.draft)
  })
})
