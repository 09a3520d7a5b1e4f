import type { GraphQLExtension, PayloadRequest } from 'payload'

import type { ReadMoreLink, SanitizedReadMoreOptions } from '../types'

import { invalidArgument, parseLimit } from '../utilities/parseLimit'
import { resolveReadMoreLinks } from '../utilities/resolveLinks'

type GraphQLModule = Parameters<GraphQLExtension>[0]
type Args = { collection: string; id: string; limit?: null | number }

/**
 * `ReadMore(collection: String!, id: String!, limit: Int): [ReadMoreLink!]!`. The types are built
 * from the graphql module Payload hands over, so they belong to the same copy as its schema.
 */
export const readMoreQuery = (GraphQL: GraphQLModule, options: SanitizedReadMoreOptions) => {
  const { GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLString } = GraphQL
  const ReadMoreLinkType = new GraphQLObjectType({
    name: 'ReadMoreLink',
    description: 'One "Read more about" link: curated by an editor, or found automatically by shared topics.',
    fields: {
      collection: { type: GraphQLString, description: 'Internal links: the slug of the linked collection.' },
      id: { type: GraphQLString, description: 'Internal links: the id of the linked document.' },
      kind: { type: new GraphQLNonNull(GraphQLString), description: '"internal" or "external".' },
      slug: { type: GraphQLString, description: "Internal links: the linked document's slug, if its collection has one." },
      source: { type: new GraphQLNonNull(GraphQLString), description: '"curated" or "auto".' },
      title: { type: new GraphQLNonNull(GraphQLString) },
      url: { type: GraphQLString, description: 'External links: the http(s) address.' },
    },
  })
  return {
    args: {
      collection: { type: new GraphQLNonNull(GraphQLString) },
      id: { type: new GraphQLNonNull(GraphQLString) },
      limit: { type: GraphQLInt },
    },
    resolve: async (_source: unknown, { collection, id, limit }: Args, { req }: { req: PayloadRequest }) => {
      if (!options.collections.includes(collection)) {
        throw invalidArgument('collection', `Must be one of: ${options.collections.join(', ')}.`)
      }
      const links: ReadMoreLink[] = await resolveReadMoreLinks({
        id,
        collection,
        limit: parseLimit(limit ?? undefined, options.maxLinks),
        options,
        payload: req.payload,
        user: req.user,
      })
      return links.map((link) => (link.kind === 'internal' ? { ...link, id: String(link.id) } : link))
    },
    type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(ReadMoreLinkType))),
  }
}
