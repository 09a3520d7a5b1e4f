import type { GeneratedArticle, GeneratedComment } from './content'
import type { BenchDatabase } from './database'
import type { Row } from './sql'

import { generateArticles, generateAuthors, generateTags } from './content'
import { insertStatement } from './sql'

/** Stories per transaction: each carries ~4 KB of rich text twice (document and version). */
const BATCH = 500

export type ArchiveCounts = { articles: number; comments: number }

/** Every table the archive is written into, for what follows bulk writes (`BenchDatabase.settle`). */
export const ARCHIVE_TABLES = ['tags', 'authors', 'articles', 'articles_rels', '_articles_v', '_articles_v_rels', 'comments'] as const

const relationRows = (parentID: number, prefix: string, { authorIDs, tagIDs }: GeneratedArticle): Row[] => {
  // One table holds both relations: a row fills the column of its own and leaves the other null.
  const row = (field: 'authors' | 'tags', id: number, i: number): Row => ({
    authors_id: field === 'authors' ? id : null,
    order: i + 1,
    parent_id: parentID,
    path: `${prefix}${field}`,
    tags_id: field === 'tags' ? id : null,
  })
  return [...authorIDs.map((id, i) => row('authors', id, i)), ...tagIDs.map((id, i) => row('tags', id, i))]
}

const articleRow = (article: GeneratedArticle): Row => ({
  _status: article.status,
  comments_enabled: true,
  content: article.content,
  created_at: article.createdAt,
  excerpt: article.excerpt,
  generate_slug: false,
  id: article.id,
  published_at: article.publishedAt,
  slug: article.slug,
  title: article.title,
  updated_at: article.updatedAt,
})

/** The one version Payload keeps of a story saved once: the latest, with the same status and relations. */
const versionRow = (article: GeneratedArticle): Row => ({
  created_at: article.updatedAt,
  id: article.id,
  latest: true,
  parent_id: article.id,
  updated_at: article.updatedAt,
  version__status: article.status,
  version_comments_enabled: true,
  version_content: article.content,
  version_created_at: article.createdAt,
  version_excerpt: article.excerpt,
  version_generate_slug: false,
  version_published_at: article.publishedAt,
  version_slug: article.slug,
  version_title: article.title,
  version_updated_at: article.updatedAt,
})

const commentRow = (comment: GeneratedComment): Row => ({
  article_id: comment.articleID,
  author_email: comment.authorEmail,
  author_name: comment.authorName,
  body: comment.body,
  created_at: comment.createdAt,
  id: comment.id,
  status: comment.status,
  updated_at: comment.createdAt,
})

/**
 * Writes the generated archive with bulk SQL, in the tables and columns Payload itself writes for
 * these collections (checked against rows made through the Local API): documents, their
 * relationship rows, the drafts-enabled collection's version and version-relationship rows, and
 * comments. Both schemas share these columns, so the project and the baseline get the same rows;
 * PostgreSQL's schema has them too, so the same statements fill it (literals it coerces to its
 * timestamps, jsonb and enums). Payload's create would take an hour at 20,000 stories; this takes seconds.
 */
export const writeArchive = async (database: BenchDatabase, published: number): Promise<ArchiveCounts> => {
  const now = new Date(Date.UTC(2021, 0, 1)).toISOString()
  await database.batch([
    insertStatement(
      'tags',
      generateTags().map(({ id, internal, name, slug }) => ({
        created_at: now,
        generate_slug: false,
        id,
        internal,
        name,
        slug,
        updated_at: now,
      })),
    ),
    insertStatement(
      'authors',
      generateAuthors().map(({ id, jobTitle, name, slug }) => ({
        created_at: now,
        generate_slug: false,
        id,
        job_title: jobTitle,
        name,
        slug,
        updated_at: now,
      })),
    ),
  ])

  const counts: ArchiveCounts = { articles: 0, comments: 0 }
  let pending: { article: GeneratedArticle; comments: GeneratedComment[] }[] = []
  const flush = async () => {
    if (!pending.length) return
    const articles = pending.map(({ article }) => article)
    const comments = pending.flatMap(({ comments }) => comments)
    const statements = [
      insertStatement('articles', articles.map(articleRow)),
      insertStatement(
        'articles_rels',
        articles.flatMap((article) => relationRows(article.id, '', article)),
      ),
      insertStatement('_articles_v', articles.map(versionRow)),
      // Version ids equal story ids here: one version each, written in the same order.
      insertStatement(
        '_articles_v_rels',
        articles.flatMap((article) => relationRows(article.id, 'version.', article)),
      ),
      ...(comments.length ? [insertStatement('comments', comments.map(commentRow))] : []),
    ]
    await database.batch(statements)
    counts.articles += articles.length
    counts.comments += comments.length
    pending = []
  }
  for (const item of generateArticles(published)) {
    pending.push(item)
    if (pending.length === BATCH) await flush()
  }
  await flush()
  return counts
}
