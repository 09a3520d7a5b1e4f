import type { CollectionBeforeOperationHook, CollectionSlug, Where } from 'payload'

import { checkPaging, checkSort } from './checkListArgs'
import { checkPopulate, checkSelect } from './checkSelect'
import { checkWhere, type QueryContext } from './checkWhere'
import { MalformedQuery, NoSuchDocument } from './errors'

/** A join's own list arguments, as REST (`joins[comments][limit]=5`) and GraphQL send them. */
type JoinArgs = Record<string, false | { limit?: unknown; page?: unknown; sort?: string; where?: Where } | undefined>

type QueryArgs = {
  currentDepth?: number
  data?: unknown
  depth?: unknown
  id?: unknown
  joins?: JoinArgs
  limit?: unknown
  page?: unknown
  populate?: unknown
  select?: unknown
  sort?: unknown
  where?: Where
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const checkJoins = (joins: JoinArgs | undefined, context: QueryContext): void => {
  for (const [name, query] of Object.entries(joins || {})) {
    const field = context.collection.flattenedFields.find((each) => each.name === name)
    if (!query || field?.type !== 'join' || typeof field.collection !== 'string') continue
    const joined = { ...context, collection: context.config.collections.find(({ slug }) => slug === field.collection)! }
    checkPaging(query, (argument) => `joins[${name}][${argument}]`)
    checkSort(query.sort, joined, `joins[${name}][sort]`)
    if (query.where) checkWhere(query.where, joined, `joins[${name}][where]`)
  }
}

/**
 * Refuses, with a 400 naming the parameter and the rule, what a REST or GraphQL client sends that
 * the database cannot run: a bad date or an unsupported operator in `where`, an `in` list past
 * 1,000 values, `limit=-1`, `page=1e20`, `depth=abc`, a `sort` or `select` naming no field, a
 * document that is not a JSON object. An id no document can have (`/api/articles/abc`) is a 404.
 * Without it each of these reaches SQLite and fails there as a 500.
 */
export const rejectMalformedQueries: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  const query = args as QueryArgs
  // Trusted server code sends no client input, nor do the reads Payload's dataloader makes to
  // populate relationships (the only ones passing `currentDepth`), whose lists of ids may be long.
  if (req.payloadAPI === 'local' || query.currentDepth !== undefined) return args
  const { config } = req.payload
  const idTypeOf = (slug: string) => req.payload.collections[slug as CollectionSlug]?.customIDType ?? req.payload.db.defaultIDType
  const context: QueryContext = { collection, config, idTypeOf }
  const byID = operation === 'read' || operation === 'update' || operation === 'delete'
  if (byID && query.id !== undefined && idTypeOf(collection.slug) === 'number' && !Number.isSafeInteger(Number(query.id))) {
    throw new NoSuchDocument(req.t)
  }
  // An upload may come as a file alone, which Payload turns into the document's data itself.
  if ((operation === 'create' || operation === 'update') && !isObject(query.data) && !(query.data === undefined && req.file)) {
    throw new MalformedQuery('The request has no document: send its fields as a JSON object (or a multipart form with _payload).')
  }
  checkPaging(query)
  checkSort(query.sort as Parameters<typeof checkSort>[0], context)
  checkSelect(query.select, collection)
  checkPopulate(query.populate, config)
  if (isObject(query.where)) checkWhere(query.where, context)
  checkJoins(query.joins, context)
  return args
}
