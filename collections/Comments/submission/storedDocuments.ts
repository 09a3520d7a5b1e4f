import type { PayloadRequest } from 'payload'

import type { Article, Comment } from '@/payload-types'

import { submissionOf } from './submission'

/** Every field of the article the pipeline reads: whether it takes comments, and its title for the mail. */
export type StoredArticle = Pick<Article, '_status' | 'commentsEnabled' | 'id' | 'title'>
/** Every field of the parent the pipeline reads: where it stands, and how deep. */
export type StoredParent = Pick<Comment, 'article' | 'id' | 'level' | 'status'>

type Stored = { articles: StoredArticle; comments: StoredParent }

const SELECT = {
  articles: { _status: true, commentsEnabled: true, title: true },
  comments: { article: true, level: true, status: true },
} as const

/**
 * A system read, once per create: readers may see neither drafts nor a parent's status, and each
 * check that needs the document (open for comments, approved, how deep) reads what this returns.
 */
const readOnce = <T extends keyof Stored>(req: PayloadRequest, collection: T, id: number | string): Promise<null | Stored[T]> => {
  const { reads } = submissionOf(req)
  const key = `${collection}:${id}`
  if (!reads.has(key)) {
    reads.set(key, req.payload.findByID({ collection, depth: 0, disableErrors: true, id, req, select: SELECT[collection] }))
  }
  return reads.get(key) as Promise<null | Stored[T]>
}

export const loadArticle = (req: PayloadRequest, id: number | string) => readOnce(req, 'articles', id)

export const loadParent = (req: PayloadRequest, id: number | string) => readOnce(req, 'comments', id)
