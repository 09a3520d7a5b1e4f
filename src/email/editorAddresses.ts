import type { PayloadRequest } from 'payload'

/** Every editor's and admin's address: those who moderate comments and review stories. */
export const editorAddresses = async (req: PayloadRequest): Promise<string[]> => {
  // A system read: whoever triggers the mail (a reader, a contributor) may not list staff accounts.
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

/**
 * Sends one mail to every editor and admin (comment moderation, stories in review). A failure is
 * logged as `failure` and never reaches the writer: the adapter delivers in the background, and a
 * save must not fail because the mail server did.
 */
export const mailEditors = async (
  req: PayloadRequest,
  mail: () => Promise<{ subject: string; text: string }> | { subject: string; text: string },
  failure: string,
): Promise<void> => {
  try {
    const to = await editorAddresses(req)
    if (to.length) await req.payload.sendEmail({ ...(await mail()), to })
  } catch (err) {
    req.payload.logger.error({ err, msg: failure })
  }
}
