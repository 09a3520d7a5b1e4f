/** The six ways a staff member writes an article's rich text, each answering with status and messages. */
import type { Payload } from 'payload'

import type { Article } from '@/payload-types'

import { graphql, rest } from '../helpers/http'
import type { Staff } from '../helpers/staff'

export type Role = 'contributor' | 'editor'
export const ROLES: Role[] = ['contributor', 'editor']

/** What a surface answered: the status, the error's message and the field-level message Payload details. */
export type Answer = { detail: string; message: string; status: number }

export const restAnswer = ({ body, status }: { body: any; status: number }): Answer => ({
  detail: String(body?.errors?.[0]?.data?.errors?.[0]?.message ?? ''),
  message: String(body?.errors?.[0]?.message ?? ''),
  status,
})

export const graphQLAnswer = ({ body }: { body: any }): Answer => {
  const error = body?.errors?.[0]
  if (!error) return { detail: '', message: '', status: 200 }
  return {
    detail: String(error.extensions?.data?.errors?.[0]?.message ?? ''),
    message: String(error.message),
    status: Number(error.extensions?.statusCode),
  }
}

export const localAnswer = async (run: () => Promise<unknown>): Promise<Answer> => {
  try {
    await run()
    return { detail: '', message: '', status: 201 }
  } catch (error) {
    const { data, message, status } = error as { data?: any; message: string; status?: number }
    return { detail: String(data?.errors?.[0]?.message ?? ''), message, status: status ?? 500 }
  }
}

type Fixtures = {
  /** The byline new stories carry. */
  authorID: number
  payload: Payload
  staff: Staff
  /** The article each role updates: the contributor's own draft, and a published story for the editor. */
  target: Record<Role, Article>
}

let stories = 0

/** A new story for the role: the contributor may only create drafts, the editor publishes (validation runs). */
export const newArticle = (authorID: number, role: Role, content: unknown) => ({
  _status: role === 'editor' ? ('published' as const) : ('draft' as const),
  authors: [authorID],
  content,
  title: `Story ${++stories} by the ${role}`,
})

export type Surface = { name: string; write: (role: Role, content: unknown) => Promise<Answer> }

/** The surfaces, reading the fixtures only when they write (they are filled in by `beforeAll`). */
export const writeSurfaces = (fx: () => Fixtures): Surface[] => [
  {
    name: 'REST create',
    write: async (role, content) =>
      restAnswer(
        await rest('POST', '/articles', {
          body: newArticle(fx().authorID, role, content),
          token: fx().staff[role].token,
        }),
      ),
  },
  {
    name: 'REST update',
    write: async (role, content) =>
      restAnswer(
        await rest('PATCH', `/articles/${fx().target[role].id}`, {
          body: { content },
          token: fx().staff[role].token,
        }),
      ),
  },
  {
    name: 'GraphQL create',
    write: async (role, content) =>
      graphQLAnswer(
        await graphql(
          'mutation ($data: mutationArticleInput!) { createArticle(data: $data) { id } }',
          { data: newArticle(fx().authorID, role, content) },
          fx().staff[role].token,
        ),
      ),
  },
  {
    name: 'GraphQL update',
    write: async (role, content) =>
      graphQLAnswer(
        await graphql(
          'mutation ($id: Int!, $data: mutationArticleUpdateInput!) { updateArticle(id: $id, data: $data) { id } }',
          { data: { content }, id: fx().target[role].id },
          fx().staff[role].token,
        ),
      ),
  },
  {
    name: 'Local API create',
    write: (role, content) =>
      localAnswer(() =>
        fx().payload.create({
          collection: 'articles',
          data: newArticle(fx().authorID, role, content) as any,
          overrideAccess: false,
          user: fx().staff[role].user,
        }),
      ),
  },
  {
    name: 'Local API update',
    write: (role, content) =>
      localAnswer(() =>
        fx().payload.update({
          id: fx().target[role].id,
          collection: 'articles',
          data: { content: content as Article['content'] },
          overrideAccess: false,
          user: fx().staff[role].user,
        }),
      ),
  },
]
