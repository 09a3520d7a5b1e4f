import type { CollectionAfterChangeHook } from 'payload'

import { formatAdminURL } from 'payload/shared'

import type { Article } from '@/payload-types'

import { editorAddresses } from '@/email/editorAddresses'

import { reviewMail } from '../email/reviewMail'
import { REVIEW_QUEUE_QUERY } from '../queue'

/**
 * Tells every editor and admin that a story entered review, in one plain-text mail. The email adapter
 * delivers in the background and logs failures (src/email/smtpAdapter.ts), so the contributor's save
 * never waits on the mail server. Trusted system writes (seed, imports) notify nobody.
 */
export const notifyEditorsOfReview: CollectionAfterChangeHook<Article> = async ({ doc, overrideAccess, previousDoc, req }) => {
  if (overrideAccess || doc.workflow !== 'inReview' || previousDoc?.workflow === 'inReview') return doc
  try {
    const to = await editorAddresses(req)
    if (!to.length) return doc
    const { routes, serverURL } = req.payload.config
    const listPath = '/collections/articles'
    const mail = reviewMail({
      articleURL: formatAdminURL({ adminRoute: routes.admin, path: `${listPath}/${doc.id}`, serverURL }),
      queueURL: formatAdminURL({ adminRoute: routes.admin, path: `${listPath}?${REVIEW_QUEUE_QUERY}`, serverURL }),
      submittedBy: req.user?.name || req.user?.email || 'Someone',
      title: doc.title,
    })
    await req.payload.sendEmail({ ...mail, to })
  } catch (err) {
    req.payload.logger.error({ err, msg: `Could not notify editors that article ${doc.id} is in review.` })
  }
  return doc
}
