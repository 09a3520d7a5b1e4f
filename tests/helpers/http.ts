import type { SanitizedConfig } from 'payload'

import { handleEndpoints } from 'payload'

// The app's own route modules, as Next.js serves them. They import the config, which reads the
// environment when loaded, so they are loaded only after bootPayload has set it.
const loadHandlers = async () => {
  const rest = await import('@/app/(payload)/api/[...slug]/route')
  const graphql = await import('@/app/(payload)/api/graphql/route')
  return { graphql: graphql.POST, rest }
}
let handlers: ReturnType<typeof loadHandlers> | undefined
const getHandlers = () => (handlers ??= loadHandlers())

type Method = 'DELETE' | 'GET' | 'PATCH' | 'POST'

const BASE = 'http://localhost:3000'

type RequestOptions = {
  body?: unknown
  headers?: Record<string, string>
  /** A raw body, sent as it is (malformed JSON, multipart forms). */
  rawBody?: BodyInit
  token?: string
}

export type JSONResponse<T = any> = { body: T; headers: Headers; status: number }

const authHeaders = (token?: string): Record<string, string> => (token ? { Authorization: `JWT ${token}` } : {})

const readJSON = async (response: Response): Promise<any> => {
  const text = await response.text()
  try {
    return text ? JSON.parse(text) : null
  } catch {
    return text
  }
}

/** Calls the project's REST route handlers with a real Request, as Next.js does; no server needed. */
export const rest = async <T = any>(
  method: Method,
  pathWithQuery: string,
  { body, headers = {}, rawBody, token }: RequestOptions = {},
): Promise<JSONResponse<T>> => {
  const url = new URL(`/api${pathWithQuery}`, BASE)
  const init: RequestInit = { headers: { ...authHeaders(token), ...headers }, method }
  if (rawBody !== undefined) init.body = rawBody
  else if (body !== undefined) {
    init.body = JSON.stringify(body)
    ;(init.headers as Record<string, string>)['Content-Type'] = 'application/json'
  }
  const slug = url.pathname.replace(/^\/api\//, '').split('/')
  const response = await (await getHandlers()).rest[method](new Request(url, init), { params: Promise.resolve({ slug }) })
  return { body: await readJSON(response), headers: response.headers, status: response.status }
}

/** Hands a Request to the route handler Next.js would pick for its path: /api/graphql or the REST catch-all. */
export const send = async (request: Request): Promise<Response> => {
  const handlers = await getHandlers()
  const { pathname } = new URL(request.url)
  if (pathname === '/api/graphql') return handlers.graphql(request)
  const handler = handlers.rest[request.method as keyof typeof handlers.rest]
  const slug = pathname.replace(/^\/api\//, '').split('/')
  return handler(request, { params: Promise.resolve({ slug }) })
}

/** Posts a GraphQL operation to the project's /api/graphql handler. */
export const graphql = async <T = any>(
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<JSONResponse<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }>> => {
  const request = new Request(new URL('/api/graphql', BASE), {
    body: JSON.stringify({ query, variables }),
    headers: { 'Content-Type': 'application/json', ...authHeaders(token) },
    method: 'POST',
  })
  const response = await (await getHandlers()).graphql(request)
  return { body: await readJSON(response), headers: response.headers, status: response.status }
}

/**
 * A GET through Payload's own REST router for one of several instances in a file (`getPayload`'s
 * `key`): the app's route modules serve only the default instance.
 */
export const getFromInstance = async <T = any>(
  { config, key }: { config: SanitizedConfig; key: string },
  pathWithQuery: string,
  token?: string,
): Promise<JSONResponse<T>> => {
  const url = new URL(`/api${pathWithQuery}`, BASE)
  const request = new Request(url, { headers: authHeaders(token) })
  const response = await handleEndpoints({ config, path: url.pathname, payloadInstanceCacheKey: key, request })
  return { body: await readJSON(response), headers: response.headers, status: response.status }
}
