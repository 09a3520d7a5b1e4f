import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { withCheckedRequests } from '@/http/withCheckedRequests'
import { withOriginCache } from '@/http/withOriginCache'
import { withReplicaReadsForThePublic } from '@/http/withReplicaReadsForThePublic'
import { withRequestErrorStatus } from '@/http/withRequestErrorStatus'

const handleGraphQL = GRAPHQL_POST(config)

// Payload's handler throws on a body it cannot parse, which Next.js would answer with a 500.
const handle = async (request: Request): Promise<Response> => {
  try {
    return await handleGraphQL(request)
  } catch (error) {
    // Checked by shape: Payload's APIError class may be loaded twice (route and handler bundles).
    const { message, status } = error as { message?: string; status?: unknown }
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return Response.json({ errors: [{ message }] }, { status })
    }
    throw error
  }
}

// The body is checked before Payload parses it (size, JSON); a request that never ran is a 400.
// Only requests without credentials may read from a replica; anonymous queries go through the exact origin cache.
export const POST = withCheckedRequests(config, 'graphql')(
  withOriginCache(config, 'graphql')(withRequestErrorStatus(withReplicaReadsForThePublic(config)(handle))),
)
export const OPTIONS = REST_OPTIONS(config)
