import type { CollectionBeforeDeleteHook } from 'payload'

import { APIError } from 'payload'

/**
 * An article's comments go with it: they mean nothing without the story, and the database would
 * otherwise refuse the delete (a comment's article is required). Done before the article row is
 * removed and with `req`, so the comments and the article go in one transaction or not at all.
 * A system write: whoever may delete the story may remove what hangs on it, including comments
 * they could not delete one by one (an author's own draft never has public comments).
 */
export const deleteComments: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const { errors } = await req.payload.delete({
    collection: 'comments',
    depth: 0,
    req,
    select: {},
    where: { article: { equals: id } },
  })
  // A bulk delete reports failures instead of throwing; a comment left behind would block the article's delete.
  if (errors.length) throw new APIError(`The article's comments could not be deleted: ${errors[0].message}`, 500)
}
