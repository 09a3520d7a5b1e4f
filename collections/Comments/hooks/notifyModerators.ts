import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

import { formatAdminURL } from 'payload/shared'

import type { Comment } from '@/payload-types'

const EXCERPT_LENGTH = 300

/** Plain text on one line, cut at a word: for a subject line and the mail's quote. */
const excerpt = (text: string, length: number): string => {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= length) return flat
  const cut = flat.slice(0, length)
  return `${cut.slice(0, cut.lastIndexOf(' ') > length / 2 ? cut.lastIndexOf(' ') : length)}…`
}

const moderatorAddresses = async (req: PayloadRequest): Promise<string[]> => {
  // A system read: the reader whose comment triggers this may not list staff accounts.
  const { docs } = await req.payload.find({
    collection: 'users',
    depth: 0,
    pagination: false,
    req,
    select: { email: true },
    where: { role: { in: ['editor', 'admin'] } },
  })
  return docs.map((user) => user.email).filter(Boolean)
}

const articleTitle = async (req: PayloadRequest, article: Comment['article']): Promise<string> => {
  if (typeof article === 'object') return article.title
  // A system read of the title only; the create already checked that the article is open.
  const found = await req.payload.findByID({
    collection: 'articles',
    depth: 0,
    disableErrors: true,
    id: article,
    req,
    select: { title: true },
  })
  return found?.title ?? `Article ${article}`
}

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
  try {
    const to = await moderatorAddresses(req)
    if (!to.length) return doc
    const title = await articleTitle(req, doc.article)
    const { routes, serverURL } = req.payload.config
    const link = formatAdminURL({ adminRoute: routes.admin, path: `/collections/comments/${doc.id}`, serverURL })
    await req.payload.sendEmail({
      subject: `Comment awaiting moderation: ${excerpt(title, 120)}`,
      text: [
        `${excerpt(doc.authorName, 80)} commented on "${title}":`,
        '',
        excerpt(doc.body, EXCERPT_LENGTH),
        '',
        `Approve, reject or mark it as spam: ${link}`,
      ].join('\n'),
      to,
    })
  } catch (err) {
    req.payload.logger.error({ err, msg: `Could not notify moderators of comment ${doc.id}.` })
  }
  return doc
}
