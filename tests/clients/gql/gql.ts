/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query HomePage($limit: Int = 10) {\n    Articles(sort: \"-publishedAt\", limit: $limit, pagination: false) {\n      docs {\n        id\n        title\n        slug\n        excerpt\n        publishedAt\n        authors {\n          name\n          slug\n        }\n        tags {\n          name\n          slug\n        }\n      }\n    }\n  }\n": typeof types.HomePageDocument,
    "\n  query Story($slug: String!) {\n    Articles(where: { slug: { equals: $slug } }, limit: 1) {\n      docs {\n        id\n        title\n        slug\n        excerpt\n        publishedAt\n        commentsEnabled\n        authors {\n          name\n          slug\n        }\n        tags {\n          name\n          slug\n        }\n      }\n    }\n    ReadMore(collection: \"articles\", slug: $slug) {\n      kind\n      source\n      title\n      collection\n      slug\n      url\n      context {\n        name\n        slug\n      }\n    }\n  }\n": typeof types.StoryDocument,
    "\n  query TagPage($slug: String!, $limit: Int = 10) {\n    Tags(where: { slug: { equals: $slug } }, limit: 1) {\n      docs {\n        id\n        name\n        slug\n        description\n      }\n    }\n    Articles(where: { tags__slug: { equals: $slug } }, sort: \"-publishedAt\", limit: $limit, pagination: false) {\n      docs {\n        title\n        slug\n        publishedAt\n      }\n    }\n  }\n": typeof types.TagPageDocument,
    "\n  mutation PostComment(\n    $article: Int!\n    $authorName: String!\n    $authorEmail: String!\n    $body: String!\n    $parent: Int\n    $website: String\n  ) {\n    createComment(\n      data: {\n        article: $article\n        authorName: $authorName\n        authorEmail: $authorEmail\n        body: $body\n        parent: $parent\n        website: $website\n      }\n    ) {\n      id\n      authorName\n      body\n      createdAt\n    }\n  }\n": typeof types.PostCommentDocument,
};
const documents: Documents = {
    "\n  query HomePage($limit: Int = 10) {\n    Articles(sort: \"-publishedAt\", limit: $limit, pagination: false) {\n      docs {\n        id\n        title\n        slug\n        excerpt\n        publishedAt\n        authors {\n          name\n          slug\n        }\n        tags {\n          name\n          slug\n        }\n      }\n    }\n  }\n": types.HomePageDocument,
    "\n  query Story($slug: String!) {\n    Articles(where: { slug: { equals: $slug } }, limit: 1) {\n      docs {\n        id\n        title\n        slug\n        excerpt\n        publishedAt\n        commentsEnabled\n        authors {\n          name\n          slug\n        }\n        tags {\n          name\n          slug\n        }\n      }\n    }\n    ReadMore(collection: \"articles\", slug: $slug) {\n      kind\n      source\n      title\n      collection\n      slug\n      url\n      context {\n        name\n        slug\n      }\n    }\n  }\n": types.StoryDocument,
    "\n  query TagPage($slug: String!, $limit: Int = 10) {\n    Tags(where: { slug: { equals: $slug } }, limit: 1) {\n      docs {\n        id\n        name\n        slug\n        description\n      }\n    }\n    Articles(where: { tags__slug: { equals: $slug } }, sort: \"-publishedAt\", limit: $limit, pagination: false) {\n      docs {\n        title\n        slug\n        publishedAt\n      }\n    }\n  }\n": types.TagPageDocument,
    "\n  mutation PostComment(\n    $article: Int!\n    $authorName: String!\n    $authorEmail: String!\n    $body: String!\n    $parent: Int\n    $website: String\n  ) {\n    createComment(\n      data: {\n        article: $article\n        authorName: $authorName\n        authorEmail: $authorEmail\n        body: $body\n        parent: $parent\n        website: $website\n      }\n    ) {\n      id\n      authorName\n      body\n      createdAt\n    }\n  }\n": types.PostCommentDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HomePage($limit: Int = 10) {\n    Articles(sort: \"-publishedAt\", limit: $limit, pagination: false) {\n      docs {\n        id\n        title\n        slug\n        excerpt\n        publishedAt\n        authors {\n          name\n          slug\n        }\n        tags {\n          name\n          slug\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').HomePageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Story($slug: String!) {\n    Articles(where: { slug: { equals: $slug } }, limit: 1) {\n      docs {\n        id\n        title\n        slug\n        excerpt\n        publishedAt\n        commentsEnabled\n        authors {\n          name\n          slug\n        }\n        tags {\n          name\n          slug\n        }\n      }\n    }\n    ReadMore(collection: \"articles\", slug: $slug) {\n      kind\n      source\n      title\n      collection\n      slug\n      url\n      context {\n        name\n        slug\n      }\n    }\n  }\n"): typeof import('./graphql').StoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TagPage($slug: String!, $limit: Int = 10) {\n    Tags(where: { slug: { equals: $slug } }, limit: 1) {\n      docs {\n        id\n        name\n        slug\n        description\n      }\n    }\n    Articles(where: { tags__slug: { equals: $slug } }, sort: \"-publishedAt\", limit: $limit, pagination: false) {\n      docs {\n        title\n        slug\n        publishedAt\n      }\n    }\n  }\n"): typeof import('./graphql').TagPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PostComment(\n    $article: Int!\n    $authorName: String!\n    $authorEmail: String!\n    $body: String!\n    $parent: Int\n    $website: String\n  ) {\n    createComment(\n      data: {\n        article: $article\n        authorName: $authorName\n        authorEmail: $authorEmail\n        body: $body\n        parent: $parent\n        website: $website\n      }\n    ) {\n      id\n      authorName\n      body\n      createdAt\n    }\n  }\n"): typeof import('./graphql').PostCommentDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
