type Handler = (request: Request) => Promise<Response>

/**
 * graphql-http answers a request that never ran (a query that does not parse or validate, variables
 * of the wrong type) with a 200 to clients that accept application/json, as the GraphQL-over-HTTP
 * spec allows for older clients. Such an answer has errors and no `data`; this sends it as a 400,
 * so that a client's mistake is one for every client, monitor and log.
 */
export const withRequestErrorStatus =
  (handler: Handler): Handler =>
  async (request) => {
    const response = await handler(request)
    if (response.status !== 200) return response
    const text = await response.text()
    // graphql-js writes `errors` before `data`: only an answer opening with them can lack `data`.
    const isRequestError = text.startsWith('{"errors"') && !('data' in JSON.parse(text))
    return new Response(text, { headers: response.headers, status: isRequestError ? 400 : 200 })
  }
