import type { PayloadRequest } from 'payload'

/** Every editor's and admin's address: those who may approve a comment. */
export const moderatorAddresses = async (req: PayloadRequest): Promise<string[]> => {
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
