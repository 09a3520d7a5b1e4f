import { describe, expect, it } from 'vitest'

import { graphql, rest } from '../helpers/http'
import { useStaffPayload } from '../helpers/staff'

const { ctx, staff } = useStaffPayload()

describe('boot', () => {
  it('serves REST and GraphQL', async () => {
    const { payload } = ctx
    const author = await payload.create({ collection: 'authors', data: { name: 'Ann Smith', slug: 'ann-smith' } })
    const tag = await payload.create({ collection: 'tags', data: { name: 'Hidden', internal: true, slug: 'hidden' } })
    const pub = await payload.create({ collection: 'tags', data: { name: 'Politics', slug: 'politics' } })
    const art = await payload.create({
      collection: 'articles',
      data: { title: 'Hello world', slug: 'hello-world', authors: [author.id], tags: [tag.id, pub.id], _status: 'published' },
      user: staff.editor.user,
    })
    const r = await rest('GET', `/articles/${art.id}?depth=1`)
    console.log(r.status, JSON.stringify(r.body).slice(0, 600))
    const r0 = await rest('GET', `/articles/${art.id}?depth=0`)
    console.log(r0.status, JSON.stringify(r0.body).slice(0, 600))
    const g = await graphql(`{ Articles { docs { id title slug tags { id name } createdBy { id } } } }`)
    console.log(JSON.stringify(g.body))
    const t = await rest('GET', `/tags/${pub.id}?depth=1`)
    console.log(JSON.stringify(t.body).slice(0, 400))
    expect(r.status).toBe(200)
  })
})
