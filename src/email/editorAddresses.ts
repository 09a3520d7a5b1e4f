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
