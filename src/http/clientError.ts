import type { PayloadRequest, SanitizedConfig } from 'payload'

import { headersWithCors } from 'payload'

/**
 * A client error answered before Payload runs, in Payload's own shape (`{ errors: [{ message }] }`)
 * and with the CORS headers it gives its own answers, so a page on an allowed origin can read it.
 */
export const clientError = (request: Request, config: SanitizedConfig, status: number, message: string): Response =>
  Response.json(
    { errors: [{ message }] },
    {
      // headersWithCors reads nothing of the request but its Origin header, and `cors` from the config.
      headers: headersWithCors({ headers: new Headers(), req: { headers: request.headers, payload: { config } } as PayloadRequest }),
      status,
    },
  )
