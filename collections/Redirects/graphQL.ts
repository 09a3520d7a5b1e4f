import type { GraphQLExtension, PayloadRequest } from 'payload'

import type { RedirectedCollection } from './types'

import { redirectedCollections } from './types'
import { resolveSlug } from './utilities/resolveSlug'

type GraphQLModule = Parameters<GraphQLExtension>[0]

/**
 * `ResolveSlug(collection: SlugCollection!, slug: String!): SlugTarget`, the GraphQL twin of
 * `GET /api/<collection>/redirect?slug=`: null where the REST lookup answers 404.
 */
export const resolveSlugQuery = ({ GraphQLEnumType, GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLString }: GraphQLModule) => {
  const SlugCollection = new GraphQLEnumType({
    name: 'SlugCollection',
    values: Object.fromEntries(redirectedCollections.map((collection) => [collection, { value: collection }])),
  })
  const SlugTarget = new GraphQLObjectType({
    name: 'SlugTarget',
    description: 'The document a slug leads to, at its current slug.',
    fields: {
      collection: { type: new GraphQLNonNull(SlugCollection) },
      id: { type: new GraphQLNonNull(GraphQLInt) },
      slug: { type: new GraphQLNonNull(GraphQLString) },
    },
  })
  return {
    args: { collection: { type: new GraphQLNonNull(SlugCollection) }, slug: { type: new GraphQLNonNull(GraphQLString) } },
    description: 'Where a slug, current or old, leads for the reader; null when to no document the reader may read.',
    resolve: (_source: unknown, args: { collection: RedirectedCollection; slug: string }, { req }: { req: PayloadRequest }) =>
      resolveSlug({ ...args, payload: req.payload, req, user: req.user }),
    type: SlugTarget,
  }
}
