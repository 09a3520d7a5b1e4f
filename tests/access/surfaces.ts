import type { DataFromCollectionSlug, Payload, RequiredDataFromCollectionSlug } from 'payload'

import type { Staff } from '../helpers/staff'
import type { AuthCollection, MatrixCollection, MatrixRole } from './matrix'

import { graphql, rest } from '../helpers/http'

/** Whoever makes the request: staff carry their JWT (REST, GraphQL) and user (Local API), the public neither. */
export type Actor = { role: MatrixRole; token?: string; user?: Staff[keyof Staff]['user'] }

/** A document as a surface returns it, relationships as bare ids (depth 0), and without the fields it hides. */
export type Doc<C extends MatrixCollection> = DataFromCollectionSlug<C>

export type Answer<T> = { ok: true; value: T } | { message: string; ok: false; status: number }

export type Upload = { data: Buffer; mimetype: string; name: string; size: number }

export type SurfaceName = 'GraphQL' | 'Local API' | 'REST'

/** `draft`: ask for the latest drafts, as previews do; access control must still hold. */
export type ReadOptions = { draft?: boolean }

/** One way into Payload. Every call is made as `actor`, with access control on. */
export type Surface = {
  create: <C extends MatrixCollection>(
    collection: C,
    actor: Actor,
    data: Partial<Doc<C>>,
    file?: Upload,
  ) => Promise<Answer<Doc<C>>>
  delete: <C extends MatrixCollection>(collection: C, actor: Actor, id: number) => Promise<Answer<Doc<C>>>
  /** The documents among `ids` that the actor may list. */
  find: <C extends MatrixCollection>(
    collection: C,
    actor: Actor,
    ids: number[],
    options?: ReadOptions,
  ) => Promise<Answer<Doc<C>[]>>
  findByID: <C extends MatrixCollection>(
    collection: C,
    actor: Actor,
    id: number,
    options?: ReadOptions,
  ) => Promise<Answer<Doc<C>>>
  name: SurfaceName
  /** Lifts the login lockout of the account with `email` (Payload's `unlock`); answers whether one was found. */
  unlock: (collection: AuthCollection, actor: Actor, email: string) => Promise<Answer<boolean>>
  update: <C extends MatrixCollection>(
    collection: C,
    actor: Actor,
    id: number,
    data: Partial<Doc<C>>,
  ) => Promise<Answer<Doc<C>>>
  /** GraphQL has no file inputs: Payload accepts uploads only as multipart (REST) or a Local API `file`. */
  uploads: boolean
}

const hasStatus = (error: unknown): error is Error & { status: number } =>
  error instanceof Error && typeof (error as { status?: unknown }).status === 'number'

/** Payload's Local API answers a refusal by throwing `Forbidden` (403) or `NotFound` (404). */
const settle = async <T>(run: () => Promise<T>): Promise<Answer<T>> => {
  try {
    return { ok: true, value: await run() }
  } catch (error) {
    if (hasStatus(error)) return { message: error.message, ok: false, status: error.status }
    throw error
  }
}

const local = (getPayload: () => Payload): Surface => ({
  create: (collection, { user }, data, file) =>
    settle(() =>
      getPayload().create({
        collection,
        data: data as RequiredDataFromCollectionSlug<typeof collection>,
        depth: 0,
        file,
        overrideAccess: false,
        user,
      }),
    ),
  delete: (collection, { user }, id) =>
    settle(() => getPayload().delete({ id, collection, depth: 0, overrideAccess: false, user })),
  find: (collection, { user }, ids, { draft } = {}) =>
    settle(async () => {
      const { docs } = await getPayload().find({
        collection,
        depth: 0,
        draft,
        limit: ids.length,
        overrideAccess: false,
        user,
        where: { id: { in: ids } },
      })
      return docs
    }),
  findByID: (collection, { user }, id, { draft } = {}) =>
    settle(() => getPayload().findByID({ id, collection, depth: 0, draft, overrideAccess: false, user })),
  name: 'Local API',
  // Payload's local `unlock` takes the user on its request, not as an option; its data type asks
  // for a password that the operation never reads.
  unlock: (collection, { user }, email) =>
    settle(() =>
      getPayload().unlock({ collection, data: { email } as { email: string; password: string }, overrideAccess: false, req: { user } }),
    ),
  update: (collection, { user }, id, data) =>
    settle(() =>
      getPayload().update({
        id,
        collection,
        // TypeScript cannot relate a generic slug's data to Payload's deep-partial input; callers type it as `Partial<Doc<C>>`.
        data: data as any,
        depth: 0,
        overrideAccess: false,
        user,
      }),
    ),
  uploads: true,
})

const restAnswer = async <T>(
  call: Promise<{ body: any; status: number }>,
  read: (body: any) => T,
): Promise<Answer<T>> => {
  const { body, status } = await call
  if (status === 200 || status === 201) return { ok: true, value: read(body) }
  return { message: String(body?.errors?.[0]?.message ?? body), ok: false, status }
}

const multipart = (data: object, file: Upload): FormData => {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(file.data)], { type: file.mimetype }), file.name)
  form.append('_payload', JSON.stringify(data))
  return form
}

const restSurface: Surface = {
  create: (collection, { token }, data, file) =>
    restAnswer(
      rest('POST', `/${collection}?depth=0`, file ? { rawBody: multipart(data, file), token } : { body: data, token }),
      (body) => body.doc,
    ),
  delete: (collection, { token }, id) =>
    restAnswer(rest('DELETE', `/${collection}/${id}?depth=0`, { token }), (body) => body.doc),
  find: (collection, { token }, ids, { draft = false } = {}) => {
    const where = ids.map((id, index) => `where[id][in][${index}]=${id}`).join('&')
    return restAnswer(
      rest('GET', `/${collection}?depth=0&draft=${draft}&limit=${ids.length}&${where}`, { token }),
      (body) => body.docs,
    )
  },
  findByID: (collection, { token }, id, { draft = false } = {}) =>
    restAnswer(rest('GET', `/${collection}/${id}?depth=0&draft=${draft}`, { token }), (body) => body),
  name: 'REST',
  unlock: (collection, { token }, email) =>
    restAnswer(rest('POST', `/${collection}/unlock`, { body: { email }, token }), () => true),
  update: (collection, { token }, id, data) =>
    restAnswer(rest('PATCH', `/${collection}/${id}?depth=0`, { body: data, token }), (body) => body.doc),
  uploads: true,
}

/** GraphQL names, and the fields asked for: those the access tests look at, relationships as `{ id }`. */
const schema: Record<MatrixCollection, { fields: string; many: string; one: string }> = {
  articles: {
    fields: 'id title _status publishedAt createdBy { id } generateSlug workflow reviewNote updatedBy { id }',
    many: 'Articles',
    one: 'Article',
  },
  'audit-log': { fields: 'id action collection documentID actor { id }', many: 'AuditEntries', one: 'AuditEntry' },
  authors: { fields: 'id name user { id } generateSlug', many: 'Authors', one: 'Author' },
  comments: { fields: 'id authorName authorEmail body status', many: 'Comments', one: 'Comment' },
  media: { fields: 'id alt createdBy { id }', many: 'allMedia', one: 'Media' },
  tags: { fields: 'id name internal generateSlug adminTitle', many: 'Tags', one: 'Tag' },
  users: { fields: 'id name email role', many: 'Users', one: 'User' },
  redirects: { fields: 'id from', many: 'Redirects', one: 'Redirect' },
}

/** GraphQL resolves relationships to objects; the other surfaces, at depth 0, give the bare id. */
const toDepthZero = (doc: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(doc).map(([key, value]) => [
      key,
      value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value,
    ]),
  )

const graphQLAnswer = async <T>(
  query: string,
  variables: Record<string, unknown>,
  { token }: Actor,
  read: (data: any) => T,
): Promise<Answer<T>> => {
  const { body } = await graphql(query, variables, token)
  const error = body?.errors?.[0]
  if (error) {
    const status = Number(error.extensions?.statusCode ?? 500)
    return { message: error.message, ok: false, status }
  }
  const value = read(body?.data)
  if (value === null || value === undefined) return { message: 'null result', ok: false, status: 404 }
  return { ok: true, value }
}

const graphQLSurface: Surface = {
  create: (collection, actor, data) => {
    const { fields, one } = schema[collection]
    return graphQLAnswer(
      `mutation ($data: mutation${one}Input!) { create${one}(data: $data) { ${fields} } }`,
      { data },
      actor,
      (result) => result?.[`create${one}`] && toDepthZero(result[`create${one}`]),
    )
  },
  delete: (collection, actor, id) => {
    const { fields, one } = schema[collection]
    return graphQLAnswer(
      `mutation ($id: Int!) { delete${one}(id: $id) { ${fields} } }`,
      { id },
      actor,
      (result) => result?.[`delete${one}`] && toDepthZero(result[`delete${one}`]),
    )
  },
  find: (collection, actor, ids, { draft = false } = {}) => {
    const { fields, many, one } = schema[collection]
    // Payload's GraphQL offers only equality and comparisons on numeric ids, no `in`.
    return graphQLAnswer(
      `query ($or: [${one}_where_or], $limit: Int, $draft: Boolean) {
        ${many}(where: { OR: $or }, limit: $limit, draft: $draft) { docs { ${fields} } }
      }`,
      { draft, limit: ids.length, or: ids.map((id) => ({ id: { equals: id } })) },
      actor,
      (result) => result?.[many]?.docs?.map(toDepthZero),
    )
  },
  findByID: (collection, actor, id, { draft = false } = {}) => {
    const { fields, one } = schema[collection]
    return graphQLAnswer(
      `query ($id: Int!, $draft: Boolean) { ${one}(id: $id, draft: $draft) { ${fields} } }`,
      { draft, id },
      actor,
      (result) => result?.[one] && toDepthZero(result[one]),
    )
  },
  name: 'GraphQL',
  unlock: (collection, actor, email) =>
    graphQLAnswer(
      `mutation ($email: String!) { unlock${schema[collection].one}(email: $email) }`,
      { email },
      actor,
      (result) => result?.[`unlock${schema[collection].one}`],
    ),
  update: (collection, actor, id, data) => {
    const { fields, one } = schema[collection]
    return graphQLAnswer(
      `mutation ($id: Int!, $data: mutation${one}UpdateInput!) { update${one}(id: $id, data: $data) { ${fields} } }`,
      { data, id },
      actor,
      (result) => result?.[`update${one}`] && toDepthZero(result[`update${one}`]),
    )
  },
  uploads: false,
}

/** The Local API (with `overrideAccess: false`), REST and GraphQL, in that order. */
export const createSurfaces = (getPayload: () => Payload): Surface[] => [local(getPayload), restSurface, graphQLSurface]
