import type { GraphQLExtension, PayloadRequest } from 'payload'

import type { ReadMoreLink, SanitizedReadMoreOptions } from '../types'

import { invalidArgument, parseLimit } from '../utilities/parseLimit'
import { resolveReadMoreLinks } from '../utilities/resolveLinks'

type GraphQLModule = Parameters<GraphQLExtension>[0]
type Args = { collection: string; id?: null | number | string; limit?: null | number; slug?: null | string }

/**
 * `ReadMore(collection: String!, id: Int, slug: String, limit: Int): [ReadMoreLink!]!`, `id` in the
 * database's id type (`String` for text ids), one of `id` and `slug` required. The types are built
 * from the graphql module Payload hands over, so they belong to the same copy as its schema.
 */
export const readMoreQuery = (GraphQL: GraphQLModule, options: SanitizedReadMoreOptions, idType: 'number' | 'text') => {
  const { GraphQLEnumType, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLString } = GraphQL
  const GraphQLID = idType === 'number' ? GraphQLInt : GraphQLString
  const ReadMoreLinkKind = new GraphQLEnumType({
    name: 'ReadMoreLinkKind',
    values: { external: { description: 'An http(s) address an editor entered.' }, internal: { description: 'A document of this site.' } },
  })
  const ReadMoreLinkSource = new GraphQLEnumType({
    name: 'ReadMoreLinkSource',
    values: { auto: { description: 'Found by shared topics.' }, curated: { description: 'Chosen by an editor.' } },
  })
  const ReadMoreLinkImage = new GraphQLObjectType({
    name: 'ReadMoreLinkImage',
    description: "The linked document's image, in the card size when there is one.",
    fields: {
      alt: { type: GraphQLString },
      height: { type: GraphQLInt },
      url: { type: new GraphQLNonNull(GraphQLString) },
      width: { type: GraphQLInt },
    },
  })
  const ReadMoreLinkContext = new GraphQLObjectType({
    name: 'ReadMoreLinkContext',
    description: 'The rarest public topic the two documents share, for a line like "In Politics".',
    fields: { name: { type: new GraphQLNonNull(GraphQLString) }, slug: { type: GraphQLString } },
  })
  const ReadMoreLinkType = new GraphQLObjectType({
    name: 'ReadMoreLink',
    description: 'One "Read more about" link: curated by an editor, or found automatically by shared topics.',
    fields: {
      collection: { type: GraphQLString, description: 'Internal links: the slug of the linked collection.' },
      context: { type: ReadMoreLinkContext, description: 'Internal links to the same collection: the strongest shared topic.' },
      excerpt: { type: GraphQLString, description: "Internal links: the linked document's excerpt." },
      id: { type: GraphQLID, description: 'Internal links: the id of the linked document.' },
      image: { type: ReadMoreLinkImage, description: "Internal links: the linked document's image." },
      kind: { type: new GraphQLNonNull(ReadMoreLinkKind) },
      publishedAt: { type: GraphQLString, description: "Internal links: the linked document's publication date (ISO 8601)." },
      slug: { type: GraphQLString, description: "Internal links: the linked document's slug, if its collection has one." },
      source: { type: new GraphQLNonNull(ReadMoreLinkSource) },
      title: { type: new GraphQLNonNull(GraphQLString) },
      url: { type: GraphQLString, description: 'External links: the http(s) address.' },
    },
  })
  return {
    args: {
      collection: { type: new GraphQLNonNull(GraphQLString) },
      id: { type: GraphQLID, description: 'The document whose links to list; or give its slug.' },
      limit: { type: GraphQLInt },
      slug: { type: GraphQLString, description: 'The slug of the document whose links to list, instead of its id.' },
    },
    resolve: async (_source: unknown, { collection, id, limit, slug }: Args, { req }: { req: PayloadRequest }) => {
      if (!options.collections.includes(collection)) {
        throw invalidArgument('collection', `Must be one of: ${options.collections.join(', ')}.`)
      }
      if ((id === undefined || id === null) === (slug === undefined || slug === null)) {
        throw invalidArgument('id', 'Give the document\'s id or its slug, not both.')
      }
      const links: ReadMoreLink[] = await resolveReadMoreLinks({
        id: id ?? undefined,
        collection,
        limit: parseLimit(limit ?? undefined, options.maxLinks),
        options,
        payload: req.payload,
        slug: slug ?? undefined,
        user: req.user,
      })
      return links
    },
    type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(ReadMoreLinkType))),
  }
}
