export type ReviewMailInput = {
  /** Where the story opens in the admin panel. */
  articleURL: string
  /** The review queue in the admin panel. */
  queueURL: string
  submittedBy: string
  title: string
}

/** The plain-text mail telling editors that a story waits for their review. */
export const reviewMail = ({ articleURL, queueURL, submittedBy, title }: ReviewMailInput) => ({
  subject: `Ready for review: ${title.replace(/\s+/g, ' ').trim()}`,
  text: [
    `${submittedBy} submitted "${title}" for review.`,
    '',
    `Read it, then publish or request changes: ${articleURL}`,
    `Everything waiting for review: ${queueURL}`,
  ].join('\n'),
})
