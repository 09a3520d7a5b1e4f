import type { CollectionBeforeOperationHook } from 'payload'

import { relationID } from '@/utilities/relationID'

import { CommentsClosed } from '../submission/errors'
import { loadArticle } from '../submission/storedDocuments'

const articleID = (value: unknown): null | number => {
  const raw = relationID(value)
  const id = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : null
}

/**
 * Comments are taken only on published stories that have them enabled. A draft, an unknown id and
 * a story with comments turned off all get the same 403, so the answer cannot be used to probe for
 * drafts. Runs before anything else of the create, so a refused comment costs no further work.
 * Trusted system writes (`overrideAccess`: the seed, imports) are not refused.
 */
export const refuseClosedArticles: CollectionBeforeOperationHook<'comments'> = async ({ args, operation, req }) => {
  if (operation !== 'create') return args
  const { data, overrideAccess } = args as { data?: { article?: unknown }; overrideAccess?: boolean }
  // No article at all is a missing required field, which validation reports by name.
  if (overrideAccess || data?.article === undefined || data.article === null || data.article === '') return args
  const id = articleID(data.article)
  if (id === null) throw new CommentsClosed()
  // Read whatever the article is (a draft included): the answer is the same 403 whatever is found.
  const article = await loadArticle(req, id)
  if (article?._status !== 'published' || article.commentsEnabled !== true) throw new CommentsClosed()
  return args
}
