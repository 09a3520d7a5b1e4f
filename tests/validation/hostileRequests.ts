/**
 * Hostile and malformed requests, each with the client error it must get: one table, run in-process
 * against the route handlers (tests/validation/malformed-requests.test.ts) and over HTTP against
 * `next start` (tests/production/hostile-input.test.ts). Add a row for every new case found.
 * Rows refer to article 1, a published story open to comments, which each runner creates first.
 */

export type HostileRequest = {
  /** A fresh body for each attempt: a stream can be read once. */
  body?: () => BodyInit
  headers?: Record<string, string>
  /** Matched against the whole response text: the error must name the parameter and the rule. */
  message: RegExp
  method: 'DELETE' | 'GET' | 'PATCH' | 'POST'
  name: string
  /** From the origin: `/api/...`. */
  path: string
  /** Sent with a staff account's credentials (`Authorization: JWT …`); anonymous otherwise. */
  staff?: boolean
  status: number
}

/**
 * The row as a fetch `Request` against `origin`, with `token` as its credentials when it is a staff
 * row. As from a real client, a body known in advance carries its Content-Length (unless the row
 * declares one) and a stream carries none (it is sent chunked).
 */
export const toRequest = async (
  { body: makeBody, headers, method, path, staff }: HostileRequest,
  origin: string,
  token: string,
): Promise<Request> => {
  const body = makeBody?.()
  const request = new Request(new URL(path, origin), {
    body,
    // @ts-expect-error Node's fetch needs `duplex` for a streamed body; lib.dom's RequestInit lacks it.
    duplex: 'half',
    headers: { ...headers, ...(staff ? { Authorization: `JWT ${token}` } : {}) },
    method,
  })
  if (body === undefined || body instanceof ReadableStream || request.headers.has('content-length')) return request
  const bytes = new Uint8Array(await request.arrayBuffer())
  const sized = new Headers(request.headers)
  sized.set('Content-Length', String(bytes.byteLength))
  return new Request(request.url, { body: bytes, headers: sized, method })
}

const JSON_TYPE = { 'Content-Type': 'application/json' }
const KB = 1024
const MB = 1024 * KB

/** A body the client streams without a Content-Length (chunked), as `count` chunks of `chunk`. */
const chunked = (chunk: string, count: number) => () => {
  const bytes = new TextEncoder().encode(chunk)
  let sent = 0
  return new ReadableStream<Uint8Array>({
    pull: (controller) => (sent++ < count ? controller.enqueue(bytes) : controller.close()),
  })
}

const comment = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ article: 1, authorEmail: 'reader@example.com', authorName: 'Reader', body: 'Hello', ...extra })

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`
const ids = (count: number) => Array.from({ length: count }, (_, i) => i + 1).join(',')

export const hostileRequests: HostileRequest[] = [
  // Item 5: body size and nesting.
  {
    name: 'an anonymous comment declaring 100 MB',
    method: 'POST',
    path: '/api/comments',
    headers: { ...JSON_TYPE, 'Content-Length': String(100 * MB) },
    body: () => comment(),
    status: 413,
    message: /32 ?KB/i,
  },
  {
    name: 'an anonymous comment of 100 KB',
    method: 'POST',
    path: '/api/comments',
    headers: JSON_TYPE,
    body: () => comment({ body: 'x'.repeat(100 * KB) }),
    status: 413,
    message: /32 ?KB/i,
  },
  {
    name: 'an anonymous comment streamed without Content-Length, 1 MB',
    method: 'POST',
    path: '/api/comments',
    headers: JSON_TYPE,
    body: chunked(`{"body":"${'x'.repeat(KB)}`, KB),
    status: 413,
    message: /32 ?KB/i,
  },
  {
    name: 'an anonymous login of 100 KB',
    method: 'POST',
    path: '/api/users/login',
    headers: JSON_TYPE,
    body: () => JSON.stringify({ email: 'a@example.com', password: 'x'.repeat(100 * KB) }),
    status: 413,
    message: /32 ?KB/i,
  },
  {
    name: 'an anonymous GraphQL query of 100 KB',
    method: 'POST',
    path: '/api/graphql',
    headers: JSON_TYPE,
    body: () => JSON.stringify({ query: `{ Articles { docs { id } } } #${'x'.repeat(100 * KB)}` }),
    status: 413,
    message: /32 ?KB/i,
  },
  {
    name: 'an anonymous upload of 100 KB to media (anonymous requests keep their limit)',
    method: 'POST',
    path: '/api/media',
    body: () => {
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(100 * KB)], { type: 'image/png' }), 'anonymous.png')
      return form
    },
    status: 413,
    message: /32 ?KB/i,
  },
  {
    name: 'a staff article of 3 MB',
    method: 'POST',
    path: '/api/articles',
    headers: JSON_TYPE,
    body: () => JSON.stringify({ title: 'Huge', padding: 'x'.repeat(3 * MB) }),
    staff: true,
    status: 413,
    message: /2 ?MB/i,
  },
  {
    name: 'a staff article of 100 KB (under the staff limit: reaches validation)',
    method: 'POST',
    path: '/api/articles',
    headers: JSON_TYPE,
    body: () => JSON.stringify({ title: 'Padded', padding: 'x'.repeat(100 * KB) }),
    staff: true,
    status: 400,
    message: /authors/i,
  },
  {
    name: 'a comment nested 100,000 levels deep',
    method: 'POST',
    path: '/api/comments',
    headers: JSON_TYPE,
    body: () => comment({ website: '@' }).replace('"@"', nested(10_000)),
    status: 400,
    message: /nest.*64/i,
  },
  {
    name: 'a staff article nested 10,000 levels deep',
    method: 'POST',
    path: '/api/articles',
    headers: JSON_TYPE,
    body: () => `{"title":"Deep","content":${nested(10_000)}}`,
    staff: true,
    status: 400,
    message: /nest.*64/i,
  },
  {
    name: 'GraphQL variables nested 10,000 levels deep',
    method: 'POST',
    path: '/api/graphql',
    headers: JSON_TYPE,
    body: () => `{"query":"query($w: Article_where) { Articles(where: $w) { totalDocs } }","variables":{"w":${nested(10_000)}}}`,
    status: 400,
    message: /nest.*64/i,
  },

  // Item 6: bodies and content types.
  ...[
    ['null', 'null'],
    ['a string', '"hello"'],
    ['a number', '42'],
    ['an array', `[${comment()}]`],
  ].map(
    ([what, body]): HostileRequest => ({
      name: `a comment whose JSON body is ${what}`,
      method: 'POST',
      path: '/api/comments',
      headers: JSON_TYPE,
      body: () => body,
      status: 400,
      message: /request body must be a JSON object/i,
    }),
  ),
  {
    name: 'a staff article update whose JSON body is null',
    method: 'PATCH',
    path: '/api/articles/1',
    headers: JSON_TYPE,
    body: () => 'null',
    staff: true,
    status: 400,
    message: /request body must be a JSON object/i,
  },
  {
    name: 'a cut-off JSON comment',
    method: 'POST',
    path: '/api/comments',
    headers: JSON_TYPE,
    body: () => '{"body":',
    status: 400,
    message: /invalid JSON/i,
  },
  {
    name: 'a comment without a Content-Type',
    method: 'POST',
    path: '/api/comments',
    body: () => new TextEncoder().encode(comment()),
    status: 415,
    message: /no Content-Type.*application\/json/i,
  },
  ...[
    ['text/plain', comment()],
    ['application/x-www-form-urlencoded', 'authorName=Reader&body=Hello&article=1'],
    ['application/xml', '<comment><body>Hello</body></comment>'],
  ].map(
    ([type, body]): HostileRequest => ({
      name: `a comment sent as ${type}`,
      method: 'POST',
      path: '/api/comments',
      headers: { 'Content-Type': type },
      body: () => body,
      status: 415,
      message: new RegExp(`Content-Type ${type.replace(/[+/.-]/g, '\\$&')} is not accepted.*application/json`),
    }),
  ),
  {
    name: 'a multipart comment with a cut-off _payload',
    method: 'POST',
    path: '/api/comments',
    body: () => {
      const form = new FormData()
      form.append('_payload', '{"body":')
      return form
    },
    status: 400,
    message: /Invalid JSON in the _payload field/,
  },
  {
    name: 'a GraphQL request whose JSON body is null',
    method: 'POST',
    path: '/api/graphql',
    headers: JSON_TYPE,
    body: () => 'null',
    status: 400,
    message: /request body must be a JSON object/i,
  },
  {
    name: 'a method-override GET with cut-off JSON',
    method: 'POST',
    path: '/api/articles',
    headers: { ...JSON_TYPE, 'X-HTTP-Method-Override': 'GET' },
    body: () => '{"where":',
    status: 400,
    message: /invalid JSON/i,
  },

  // Item 6: query parameters.
  {
    name: 'a bad date in where',
    method: 'GET',
    path: '/api/articles?where[publishedAt][greater_than]=not-a-date',
    status: 400,
    message: /publishedAt.*date/i,
  },
  {
    name: 'near on a text field',
    method: 'GET',
    path: '/api/articles?where[title][near]=1,2',
    status: 400,
    message: /near.*title|title.*near/i,
  },
  {
    name: 'an unknown operator ($ne)',
    method: 'GET',
    path: '/api/articles?where[title][$ne]=x',
    status: 400,
    message: /\$ne/,
  },
  {
    name: 'page=1e20',
    method: 'GET',
    path: '/api/articles?page=1e20',
    status: 400,
    message: /page/,
  },
  // Past 1,000 items a URL outgrows Node's 16 KB header limit, which answers 431 before the app runs.
  {
    name: 'a 2,000-item in list',
    method: 'GET',
    path: `/api/articles?where[id][in]=${ids(2000)}`,
    status: 400,
    message: /where\[id\]\[in\].*1,?000/,
  },
  {
    name: 'a 200,000-item in list, sent as a method-override POST by staff',
    method: 'POST',
    path: '/api/articles',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-HTTP-Method-Override': 'GET' },
    body: () => `where[id][in]=${ids(200_000)}`,
    staff: true,
    status: 400,
    message: /where\[id\]\[in\].*1,?000/,
  },
  {
    name: 'GET /api/users/verify/abc',
    method: 'GET',
    path: '/api/users/verify/abc',
    status: 404,
    message: /verify/i,
  },
  { name: 'limit=-1', method: 'GET', path: '/api/articles?limit=-1', status: 400, message: /limit/ },
  { name: 'depth=abc', method: 'GET', path: '/api/articles?depth=abc', status: 400, message: /depth/ },
  { name: 'page=0', method: 'GET', path: '/api/articles?page=0', status: 400, message: /page/ },
  { name: 'sort on an unknown field', method: 'GET', path: '/api/articles?sort=nosuchfield', status: 400, message: /nosuchfield/ },
  { name: 'where as cut-off JSON', method: 'GET', path: '/api/articles?where={"title":', status: 400, message: /where.*JSON/i },
  // As many as a URL within Node's 16 KB header limit holds; Payload's parser keeps 1,000 at most.
  {
    name: 'a select object of 500 made-up keys',
    method: 'GET',
    path: `/api/articles?${Array.from({ length: 500 }, (_, i) => `select[f${i}]=true`).join('&')}`,
    status: 400,
    message: /select names .{1,2}f0.{1,2}, which is not a field of articles/,
  },
  { name: 'a non-numeric id', method: 'GET', path: '/api/articles/abc', status: 404, message: /not found/i },
  {
    name: 'GraphQL with a string for an Int variable',
    method: 'POST',
    path: '/api/graphql',
    headers: JSON_TYPE,
    body: () => JSON.stringify({ query: 'query($l: Int) { Articles(limit: $l) { totalDocs } }', variables: { l: 'many' } }),
    status: 400,
    message: /\$l/,
  },
  { name: 'limit=1.5', method: 'GET', path: '/api/articles?limit=1.5', status: 400, message: /limit must be a whole number/ },
  { name: 'an id that is not a number in an in list', method: 'GET', path: '/api/articles?where[id][in]=1,abc', status: 400, message: /where\[id\]\[in\].*must be a number/ },
  { name: 'an object as an equals value', method: 'GET', path: '/api/articles?where[title][equals][a]=b', status: 400, message: /where\[title\]\[equals\] must be a single value/ },
  { name: 'a join page of 1e20', method: 'GET', path: '/api/articles?joins[comments][page]=1e20', status: 400, message: /joins\[comments\]\[page\]/ },
  { name: 'a bad date in a join where', method: 'GET', path: '/api/articles?joins[comments][where][createdAt][equals]=bad', status: 400, message: /joins\[comments\]\[where\]\[createdAt\]\[equals\] must be a date/ },
  { name: 'where as JSON nested 100 levels deep', method: 'GET', path: `/api/articles?where=${encodeURIComponent(`{"or":${nested(100)}}`)}`, status: 400, message: /where parameter nests.*64/ },
  { name: 'an id of 1e400', method: 'GET', path: '/api/articles/1e400', status: 404, message: /not found/i },
  {
    name: 'a multipart comment with a broken boundary',
    method: 'POST',
    path: '/api/comments',
    headers: { 'Content-Type': 'multipart/form-data; boundary=nothing-like-it' },
    body: () => '--another\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{}\r\n',
    status: 400,
    message: /multipart body could not be read/,
  },
  { name: 'a comment with no body at all', method: 'POST', path: '/api/comments', status: 400, message: /no document.*JSON object/ },
  { name: 'a staff article update with no body at all', method: 'PATCH', path: '/api/articles/1', staff: true, status: 400, message: /no document.*JSON object/ },
  {
    name: 'a staff update sent as Application/JSON in capitals (accepted)',
    method: 'PATCH',
    path: '/api/articles/1',
    headers: { 'Content-Type': 'Application/JSON; Charset=UTF-8' },
    body: () => JSON.stringify({ excerpt: 'Updated through a capitalised media type' }),
    staff: true,
    status: 200,
    message: /Updated through a capitalised media type/,
  },
  {
    name: 'a GraphQL query that does not parse',
    method: 'POST',
    path: '/api/graphql',
    headers: JSON_TYPE,
    body: () => JSON.stringify({ query: '{ Articles { docs { id }' }),
    status: 400,
    message: /Syntax Error/,
  },
  // An operation that ran keeps GraphQL's 200, with each error's own status in its extensions.
  {
    name: 'GraphQL where with the all operator (unsupported by SQLite)',
    method: 'POST',
    path: '/api/graphql',
    headers: JSON_TYPE,
    body: () => JSON.stringify({ query: '{ Articles(where: { tags: { all: [1] } }) { totalDocs } }' }),
    status: 200,
    message: /"statusCode":400.*where\[tags\]\[all\] is not supported/,
  },
]
