/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type ReadMoreLinkKind =
  /** An http(s) address an editor entered. */
  | 'external'
  /** A document of this site. */
  | 'internal';

export type ReadMoreLinkSource =
  /** Found by shared topics. */
  | 'auto'
  /** Chosen by an editor. */
  | 'curated';

export type HomePageQueryVariables = Exact<{
  limit?: number | null | undefined;
}>;


export type HomePageQuery = { Articles: { docs: Array<{ id: number, title: string, slug: string, excerpt: string | null, publishedAt: string | null, authors: Array<{ name: string, slug: string }>, tags: Array<{ name: string, slug: string }> | null }> } | null };

export type StoryQueryVariables = Exact<{
  slug: string;
}>;


export type StoryQuery = { Articles: { docs: Array<{ id: number, title: string, slug: string, excerpt: string | null, publishedAt: string | null, commentsEnabled: boolean | null, authors: Array<{ name: string, slug: string }>, tags: Array<{ name: string, slug: string }> | null }> } | null, ReadMore: Array<{ kind: ReadMoreLinkKind, source: ReadMoreLinkSource, title: string, collection: string | null, slug: string | null, url: string | null, context: { name: string, slug: string | null } | null }> };

export type TagPageQueryVariables = Exact<{
  slug: string;
  limit?: number | null | undefined;
}>;


export type TagPageQuery = { Tags: { docs: Array<{ id: number, name: string, slug: string, description: string | null }> } | null, Articles: { docs: Array<{ title: string, slug: string, publishedAt: string | null }> } | null };

export type PostCommentMutationVariables = Exact<{
  article: number;
  authorName: string;
  authorEmail: string;
  body: string;
  parent?: number | null | undefined;
  website?: string | null | undefined;
}>;


export type PostCommentMutation = { createComment: { id: number, authorName: string, body: string, createdAt: string | null } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const HomePageDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<HomePageQuery, HomePageQueryVariables>;
export const StoryDocument = new TypedDocumentString(`
    query Story($slug: String!) {
  Articles(where: {slug: {equals: $slug}}, limit: 1) {
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
    `) as unknown as TypedDocumentString<StoryQuery, StoryQueryVariables>;
export const TagPageDocument = new TypedDocumentString(`
    query TagPage($slug: String!, $limit: Int = 10) {
  Tags(where: {slug: {equals: $slug}}, limit: 1) {
    docs {
      id
      name
      slug
      description
    }
  }
  Articles(
    where: {tags__slug: {equals: $slug}}
    sort: "-publishedAt"
    limit: $limit
    pagination: false
  ) {
    docs {
      title
      slug
      publishedAt
    }
  }
}
    `) as unknown as TypedDocumentString<TagPageQuery, TagPageQueryVariables>;
export const PostCommentDocument = new TypedDocumentString(`
    mutation PostComment($article: Int!, $authorName: String!, $authorEmail: String!, $body: String!, $parent: Int, $website: String) {
  createComment(
    data: {article: $article, authorName: $authorName, authorEmail: $authorEmail, body: $body, parent: $parent, website: $website}
  ) {
    id
    authorName
    body
    createdAt
  }
}
    `) as unknown as TypedDocumentString<PostCommentMutation, PostCommentMutationVariables>;