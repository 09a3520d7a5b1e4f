import type { CollectionAfterChangeHook } from 'payload'

import { formatAdminURL } from 'payload/shared'

import type { Comment } from '@/payload-types'

import { mailEditors } from '@/email/editorAddresses'
import { relationID } from '@/utilities/relationID'

import { moderationMail } from '../email/moderationMail'
import { loadArticle } from '../submission/storedDocuments'

/**
 * Tells every editor and admin that a comment awaits moderation, in one plain-text mail. The email
 * adapter delivers in the background and logs failures (src/email/smtpAdapter.ts): a slow or
 * unreachable mail server costs the reader neither time nor the comment. Trusted system writes
 * (seed, imports) notify nobody.
 */
export const notifyModerators: CollectionAfterChangeHook<Comment> = async ({
  data,
  doc,
  operation,
  overrideAccess,
  req,
}) => {
  // `doc` is what the sender may read, without the status: the status written is in `data`.
  if (operation !== 'create' || data.status !== 'pending' || overrideAccess) return doc
  const { routes, serverURL } = req.payload.config
  await mailEditors(
    req,
    async () => {
      const articleID = relationID(data.article)
      // The article `refuseClosedArticles` read for this create: no second read for its title.
      const article = articleID === undefined ? null : await loadArticle(req, articleID)
      return moderationMail({
        articleTitle: article?.title ?? `Article ${articleID}`,
        authorName: doc.authorName,
        body: doc.body,
        commentURL: formatAdminURL({ adminRoute: routes.admin, path: `/collections/comments/${doc.id}`, serverURL }),
      })
    },
    `Could not notify moderators of comment ${doc.id}.`,
  )
  return doc
}
