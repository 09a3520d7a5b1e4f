import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

const handleGraphQL = GRAPHQL_POST(config)

// Payload's handler throws on a body it cannot parse, which Next.js would answer with a 500.
export const POST = async (request: Request): Promise<Response> => {
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

export const OPTIONS = REST_OPTIONS(config)
