import type { GraphQLExtension, PayloadRequest } from 'payload'

import { searchStories } from './searchStories'

type GraphQLModule = Parameters<GraphQLExtension>[0]
type Args = { limit?: null | number; page?: null | number; q: string }

/**
 * `Search(q: String!, page: Int, limit: Int): SearchResults!`, the GraphQL twin of `GET /api/search`.
 * Types are built from the graphql module Payload hands over, so they belong to its schema's copy.
 */
export const searchQuery = ({ GraphQLBoolean, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLString }: GraphQLModule) => {
  const nonNull = <T extends InstanceType<typeof GraphQLNonNull>['ofType']>(type: T) => new GraphQLNonNull(type)
  const SearchHit = new GraphQLObjectType({
    name: 'SearchHit',
    description: 'A published story matching a search.',
    fields: {
      excerpt: { type: GraphQLString },
      id: { type: nonNull(GraphQLInt) },
      slug: { type: nonNull(GraphQLString) },
      snippet: { type: nonNull(GraphQLString), description: 'Where the words matched: escaped HTML, the matches in <mark>.' },
      title: { type: nonNull(GraphQLString) },
    },
  })
  const SearchResults = new GraphQLObjectType({
    name: 'SearchResults',
    fields: {
      docs: { type: nonNull(new GraphQLList(nonNull(SearchHit))) },
      hasNextPage: { type: nonNull(GraphQLBoolean) },
      hasPrevPage: { type: nonNull(GraphQLBoolean) },
      limit: { type: nonNull(GraphQLInt) },
      nextPage: { type: GraphQLInt },
      page: { type: nonNull(GraphQLInt) },
      pagingCounter: { type: nonNull(GraphQLInt) },
      prevPage: { type: GraphQLInt },
      totalDocs: { type: nonNull(GraphQLInt) },
      totalPages: { type: nonNull(GraphQLInt) },
    },
  })
  return {
    args: { limit: { type: GraphQLInt }, page: { type: GraphQLInt }, q: { type: nonNull(GraphQLString) } },
    description: 'Published stories matching q (title, excerpt, body, tag and author names), best first; at most 100 per page.',
    resolve: (_source: unknown, args: Args, { req }: { req: PayloadRequest }) => searchStories(req, args),
    type: nonNull(SearchResults),
  }
}
