import { excerpt } from '../excerpt'

const QUOTE_LENGTH = 300

export type ModerationMailInput = {
  /** The title of the commented article. */
  articleTitle: string
  authorName: string
  body: string
  /** Where the comment opens in the admin panel. */
  commentURL: string
}

/** The plain-text mail telling moderators that a comment awaits them: markup in a comment stays literal. */
export const moderationMail = ({ articleTitle, authorName, body, commentURL }: ModerationMailInput) => ({
  subject: `Comment awaiting moderation: ${excerpt(articleTitle, 120)}`,
  text: [
    `${excerpt(authorName, 80)} commented on "${articleTitle}":`,
    '',
    excerpt(body, QUOTE_LENGTH),
    '',
    `Approve, reject or mark it as spam: ${commentURL}`,
  ].join('\n'),
})
