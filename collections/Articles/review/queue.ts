/** The articles list filtered to the stories waiting for review: the review queue. */
export const REVIEW_QUEUE_QUERY = 'where[workflow][equals]=inReview'
