import type { CollectionAfterChangeHook } from 'payload'

import { formatAdminURL } from 'payload/shared'

import type { Article } from '@/payload-types'

import { mailEditors } from '@/email/editorAddresses'

import { reviewMail } from '../email/reviewMail'
import { REVIEW_QUEUE_QUERY } from '../queue'

/**
 * Tells every editor and admin that a story entered review, in one plain-text mail. The email adapter
 * delivers in the background and logs failures (src/email/smtpAdapter.ts), so the contributor's save
 * never waits on the mail server. Trusted system writes (seed, imports) notify nobody.
 */
export const notifyEditorsOfReview: CollectionAfterChangeHook<Article> = async ({ doc, overrideAccess, previousDoc, req }) => {
  if (overrideAccess || doc.workflow !== 'inReview' || previousDoc?.workflow === 'inReview') return doc
  const { routes, serverURL } = req.payload.config
  const listPath = '/collections/articles'
  await mailEditors(
    req,
    () =>
      reviewMail({
        articleURL: formatAdminURL({ adminRoute: routes.admin, path: `${listPath}/${doc.id}`, serverURL }),
        queueURL: formatAdminURL({ adminRoute: routes.admin, path: `${listPath}?${REVIEW_QUEUE_QUERY}`, serverURL }),
        submittedBy: req.user?.name || req.user?.email || 'Someone',
        title: doc.title,
      }),
    `Could not notify editors that article ${doc.id} is in review.`,
  )
  return doc
}
