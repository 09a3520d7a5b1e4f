import type { SanitizedConfig } from 'payload'

import { getRawBodyWeb, type RawBodyError } from 'raw-body'

import { bodyLimitFor, tooLargeMessage } from './bodyLimit'
import { clientError } from './clientError'
import { discardBody } from './discardBody'
import { jsonObjectProblem } from './jsonObjectProblem'

type Handler<TArgs extends unknown[]> = (request: Request, ...args: TArgs) => Promise<Response>

/** What a route takes as a body: REST also takes Payload's multipart forms and its query overrides. */
type Surface = 'graphql' | 'rest'

const JSON_TYPE = 'application/json'
const MULTIPART = 'multipart/form-data'
const FORM = 'application/x-www-form-urlencoded'
const WITH_BODY = new Set(['PATCH', 'POST', 'PUT'])

// Media types are case-insensitive; Payload compares them exactly, so they are compared lower-cased here.
const mediaTypeOf = (request: Request): string => (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase()

// Payload's admin sends long relationship queries as a POST whose urlencoded body is the query string.
const isQueryOverride = (request: Request): boolean =>
  request.headers.get('x-payload-http-method-override') === 'GET' || request.headers.get('x-http-method-override') === 'GET'

const typeProblem = (type: string, request: Request, surface: Surface): string | undefined => {
  if (type === JSON_TYPE) return undefined
  if (surface === 'rest' && (type === MULTIPART || (type === FORM && isQueryOverride(request)))) return undefined
  const accepted = surface === 'rest' ? `${JSON_TYPE} (or ${MULTIPART} for uploads)` : JSON_TYPE
  return type ? `Content-Type ${type} is not accepted here: send ${accepted}.` : `The request body has no Content-Type: send ${accepted}.`
}

// Payload parses `where` and `data` sent whole as JSON (`?where={...}`) and lets a SyntaxError become a 500.
const queryProblem = (params: URLSearchParams): string | undefined => {
  for (const name of ['where', 'data']) {
    const value = params.get(name)
    const problem = value ? jsonObjectProblem(value, `the ${name} parameter`) : undefined
    if (problem) return problem
  }
  return undefined
}

const contentProblem = async (type: string, body: Buffer, request: Request): Promise<string | undefined> => {
  if (type === JSON_TYPE) return jsonObjectProblem(body.toString('utf8'), 'the request body')
  if (type === FORM) return queryProblem(new URLSearchParams(body.toString('utf8')))
  // Payload parses a form's `_payload` field as JSON, again without catching a SyntaxError.
  let form: FormData
  try {
    form = await new Response(new Uint8Array(body), { headers: { 'Content-Type': request.headers.get('content-type')! } }).formData()
  } catch (error) {
    return `The multipart body could not be read: ${(error as Error).message}.`
  }
  const fields = form.get('_payload')
  return typeof fields === 'string' && fields ? jsonObjectProblem(fields, 'the _payload field') : undefined
}

/** The request again, with the body already read (or none), as Payload's handlers read it. */
const withBody = (request: Request, body: Buffer | null, type: string): Request => {
  const headers = new Headers(request.headers)
  if (type === JSON_TYPE) headers.set('Content-Type', JSON_TYPE)
  return new Request(request.url, { body: body && new Uint8Array(body), headers, method: request.method, signal: request.signal })
}

/**
 * Checks a request before Payload parses it: a body larger than its limit is refused with a 413
 * naming the limit, from its Content-Length or, streamed without one, once the limit is read (never
 * further); a content type Payload cannot read is a 415; JSON that is invalid, nested past 64
 * levels, or not an object is a 400, as is a `where` query parameter of invalid JSON.
 *
 * It wraps the route handlers rather than living in src/proxy.ts: a proxy cannot hand the body it
 * read on to the route (Next.js would buffer up to 10 MB to replay it, and cut it there), and the
 * limit depends on the collection the route addresses.
 */
export const withCheckedRequests = (configPromise: Promise<SanitizedConfig>, surface: Surface) => {
  let uploadCollections: Set<string> | undefined
  return <TArgs extends unknown[]>(handler: Handler<TArgs>): Handler<TArgs> =>
    async (request, ...args) => {
      const config = await configPromise
      uploadCollections ??= new Set(config.collections.filter(({ upload }) => upload).map(({ slug }) => slug))
      const refuse = (status: number, message: string) => clientError(request, config, status, message)
      const url = new URL(request.url)
      // A body refused unread is read and dropped while the client gets the answer.
      const refuseUnread = (status: number, message: string) => {
        if (request.body) discardBody(request.body)
        return refuse(status, message)
      }
      const query = surface === 'rest' ? queryProblem(url.searchParams) : undefined
      if (query) return refuseUnread(400, query)
      if (!request.body || !WITH_BODY.has(request.method)) return handler(request, ...args)

      const type = mediaTypeOf(request)
      const unacceptable = type ? typeProblem(type, request, surface) : undefined
      if (unacceptable) return refuseUnread(415, unacceptable)
      const [, , collection] = url.pathname.split('/')
      const limit = bodyLimitFor(request, type === MULTIPART && uploadCollections.has(collection))
      let body: Buffer
      try {
        body = await getRawBodyWeb(request.body, { length: request.headers.get('content-length'), limit: limit.bytes })
      } catch (error) {
        // Nothing past the limit is kept.
        const { status, type: kind } = error as RawBodyError
        if (kind === 'entity.too.large') return refuseUnread(413, tooLargeMessage(limit))
        if (status === 400) return refuseUnread(400, `The request body ended early or did not match its Content-Length (${(error as Error).message}).`)
        throw error
      }
      // A POST that needs no body (a logout, a token refresh) goes on without one; Payload reads empty JSON as {}.
      if (body.byteLength === 0 && type !== MULTIPART) return handler(withBody(request, type ? body : null, type), ...args)
      const problem = type ? await contentProblem(type, body, request) : typeProblem(type, request, surface)
      if (problem) return refuse(type ? 400 : 415, problem)
      return handler(withBody(request, body, type), ...args)
    }
}
