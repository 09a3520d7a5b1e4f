import type { CollectionConfig, PayloadRequest } from 'payload'

import { settingsOf } from './settingsOf'

/** What an anonymous request may read of a collection: every document, none, or some (or unknown). */
export type AnonymousRead = 'all' | 'none' | 'some'

/** A request as a stranger sends it: no user, no headers, no Payload to ask. */
const anonymousRequest = (): PayloadRequest =>
  ({ context: {}, headers: new Headers(), query: {}, user: null }) as unknown as PayloadRequest

/**
 * Asks the collection's `access.read` what an anonymous request may read, once, when the config
 * is built. Only exactly `true` means every document; a `Where`, an error, or a rule that needs
 * more than the request carries means "some", so what cannot be known counts as private.
 * `custom.publicReads.readableByAnyone` overrides the answer.
 */
export const probeAnonymousRead = async (collection: CollectionConfig): Promise<AnonymousRead> => {
  const declared = settingsOf(collection).readableByAnyone
  if (declared !== undefined) return declared ? 'all' : 'some'
  const read = collection.access?.read
  // Payload's default read access lets signed-in users only.
  if (!read) return 'none'
  try {
    const answer: unknown = await read({ req: anonymousRequest() })
    if (answer === true) return 'all'
    return answer ? 'some' : 'none'
  } catch {
    return 'some'
  }
}
