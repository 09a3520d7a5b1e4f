/** The `req.context` entry in which `notePublishedState` leaves, for `recordChange`, whether the document was public. */
export const publishedStateKey = (collection: string, id: number | string): string => `auditWasPublished:${collection}:${id}`
