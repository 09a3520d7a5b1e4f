import { graphql } from './gql'
import type { TypedDocumentString } from './gql/graphql'

/** The home page: the newest published stories, as the reference frontend lists them. */
export const HomePageQuery = graphql(`
  query HomePage($limit: Int = 10) {
    Articles(sort: "-publishedAt", limit: $limit, pagination: false) {
      docs {
        id
        title
        slug
        excerpt
        publishedAt
        authors {
          name
          slug
        }
        tags {
          name
          slug
        }
      }
    }
  }
`)

/** A story page: the story and its "Read more about" links, in one request. */
export const StoryQuery = graphql(`
  query Story($slug: String!) {
    Articles(where: { slug: { equals: $slug } }, limit: 1) {
      docs {
        id
        title
        slug
        excerpt
        publishedAt
        commentsEnabled
        authors {
          name
          slug
        }
        tags {
          name
          slug
        }
      }
    }
    ReadMore(collection: "articles", slug: $slug) {
      kind
      source
      title
      collection
      slug
      url
      context {
        name
        slug
      }
    }
  }
`)

/** A tag page: the tag and its newest stories, in one request. */
export const TagPageQuery = graphql(`
  query TagPage($slug: String!, $limit: Int = 10) {
    Tags(where: { slug: { equals: $slug } }, limit: 1) {
      docs {
        id
        name
        slug
        description
      }
    }
    Articles(where: { tags__slug: { equals: $slug } }, sort: "-publishedAt", limit: $limit, pagination: false) {
      docs {
        title
        slug
        publishedAt
      }
    }
  }
`)

/** A reader's comment: the variables are what the public may send (no `status`, which moderators set). */
export const PostCommentMutation = graphql(`
  mutation PostComment(
    $article: Int!
    $authorName: String!
    $authorEmail: String!
    $body: String!
    $parent: Int
    $website: String
  ) {
    createComment(
      data: {
        article: $article
        authorName: $authorName
        authorEmail: $authorEmail
        body: $body
        parent: $parent
        website: $website
      }
    ) {
      id
      authorName
      body
      createdAt
    }
  }
`)

export class GraphQLRequestError extends Error {
  constructor(
    readonly status: number,
    readonly errors: { message: string }[],
  ) {
    super(errors.map(({ message }) => message).join('; ') || `GraphQL request failed with status ${status}`)
  }
}

/** Sends a typed document to `endpoint` and returns its typed `data`; a response with errors throws. */
export const createGraphQLClient =
  (endpoint: string, fetchImpl: typeof fetch = fetch) =>
  async <TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables>,
    ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
  ): Promise<TResult> => {
    const response = await fetchImpl(endpoint, {
      body: JSON.stringify({ query: document.toString(), variables }),
      headers: { 'Content-Type': 'application/json' },
      method: 'POST',
    })
    const { data, errors } = (await response.json()) as { data?: TResult; errors?: { message: string }[] }
    if (errors?.length || !data) throw new GraphQLRequestError(response.status, errors ?? [])
    return data
  }
