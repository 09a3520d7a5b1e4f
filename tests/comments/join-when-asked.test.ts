import { beforeAll, describe, expect, it } from 'vitest'

import type { Article } from '@/payload-types'

import { graphql, rest } from '../helpers/http'
import { captureSelects } from '../helpers/queryPlans'
import { useStaffPayload } from '../helpers/staff'

const { ctx, staff } = useStaffPayload()

let story: Article
const commented: Article[] = []

const approvedComment = (article: number, body: string) =>
  ctx.payload.create({ collection: 'comments', data: { article, authorEmail: 'reader@example.com', authorName: 'Reader', body, status: 'approved' } })

beforeAll(async () => {
  const { payload } = ctx
  const author = await payload.create({ collection: 'authors', data: { name: 'Join Writer' } })
  story = await payload.create({ collection: 'articles', data: { _status: 'published', authors: [author.id], title: 'Harbour dredging resumes' } })
  for (const body of ['First approved comment.', 'Second approved comment.']) await approvedComment(story.id, body)
  for (const title of ['Ferry timetable changes', 'Library opens on Sundays', 'Market square repaved']) {
    const article = await payload.create({ collection: 'articles', data: { _status: 'published', authors: [author.id], title } })
    await approvedComment(article.id, `On ${title}.`)
    commented.push(article)
  }
})

// A story's comments join costs a query and a readability check per comment: REST computes it only when asked.
describe('the comments join of stories', () => {
  it('is left out of a default REST read, by id and in lists, for readers and staff', async () => {
    for (const token of [undefined, staff.editor.token]) {
      const byID = await rest<Article>('GET', `/articles/${story.id}?depth=1`, { token })
      expect(byID.status).toBe(200)
      expect(byID.body).not.toHaveProperty('comments')
      const list = await rest<{ docs: Article[] }>('GET', `/articles?where[id][equals]=${story.id}&depth=1`, { token })
      expect(list.body.docs[0]).not.toHaveProperty('comments')
    }
  })

  it('is computed when a REST read asks for it with any joins[comments] option', async () => {
    const limited = await rest('GET', `/articles/${story.id}?depth=0&joins[comments][limit]=10`)
    expect(limited.body.comments.docs).toHaveLength(2)
    const counted = await rest('GET', `/articles?where[id][equals]=${story.id}&depth=0&joins[comments][count]=true`)
    expect(counted.body.docs[0].comments.totalDocs).toBe(2)
  })

  it('is still resolved by GraphQL when selected, and by the Local API (the admin) by default', async () => {
    const { body } = await graphql<{ Article: { comments: { docs: { body: string }[] } } }>(
      `{ Article(id: ${story.id}) { title comments { docs { body } } } }`,
    )
    expect(body.errors).toBeUndefined()
    expect(body.data?.Article.comments.docs.map((comment) => comment.body).sort()).toEqual(['First approved comment.', 'Second approved comment.'])
    const local = await ctx.payload.findByID({ collection: 'articles', id: story.id, overrideAccess: false, user: staff.editor.user })
    expect(local.comments?.docs).toHaveLength(2)
  })
})

describe('a list read with the comments join', () => {
  it('checks the joined comments’ stories for the reader in one query, not one per story', async () => {
    const ids = [story, ...commented].map(({ id }) => id)
    const statements = await captureSelects(ctx.payload, async () => {
      const { body, status } = await rest<{ docs: Article[] }>('GET', `/articles?where[id][in]=${ids.join(',')}&depth=1&joins[comments][limit]=5`)
      expect(status).toBe(200)
      expect(body.docs.map((doc) => doc.comments?.docs?.length).sort()).toEqual([1, 1, 1, 2])
    })
    // The readability check of each comment's `article` (plugins/public-reads, readableIDs) selects
    // ids alone; batched across the page's comments, it is one statement for the four stories.
    const checks = statements.filter(({ sql }) => /^select "id" from "articles"/i.test(sql))
    expect(checks).toHaveLength(1)
    expect(checks[0].args.map(Number).sort()).toEqual(expect.arrayContaining(ids.sort()))
  })
})
