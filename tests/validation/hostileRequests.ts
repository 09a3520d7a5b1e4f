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

type Answer = Pick<HostileRequest, 'message' | 'status'>

const bad = (message: RegExp): Answer => ({ message, status: 400 })
const OVER_ANONYMOUS_LIMIT: Answer = { message: /32 ?KB/i, status: 413 }
const TOO_DEEP = bad(/nest.*64/i)
const NOT_AN_OBJECT = bad(/request body must be a JSON object/i)
const INVALID_JSON = bad(/invalid JSON/i)
const NOT_FOUND: Answer = { message: /not found/i, status: 404 }

/** A row whose query string is the hostile part. */
const get = (name: string, path: string, answer: Answer): HostileRequest => ({ method: 'GET', name, path, ...answer })

/** A row whose body is the hostile part; `extra` sets the method, headers or staff credentials. */
const post = (
  name: string,
  path: string,
  body: () => BodyInit,
  answer: Answer,
  extra: Partial<HostileRequest> = {},
): HostileRequest => ({ body, method: 'POST', name, path, ...answer, ...extra })

const postJSON = (...[name, path, body, answer, extra]: Parameters<typeof post>): HostileRequest =>
  post(name, path, body, answer, { headers: JSON_TYPE, ...extra })

const STAFF = { staff: true }

/** A multipart form holding `name`: `value`. */
const form = (name: string, value: Blob | string, filename?: string) => () => {
  const data = new FormData()
  if (typeof value === 'string') data.append(name, value)
  else data.append(name, value, filename)
  return data
}

export const hostileRequests: HostileRequest[] = [
  // Item 5: body size and nesting.
  postJSON('an anonymous comment declaring 100 MB', '/api/comments', () => comment(), OVER_ANONYMOUS_LIMIT, {
    headers: { ...JSON_TYPE, 'Content-Length': String(100 * MB) },
  }),
  postJSON('an anonymous comment of 100 KB', '/api/comments', () => comment({ body: 'x'.repeat(100 * KB) }), OVER_ANONYMOUS_LIMIT),
  postJSON(
    'an anonymous comment streamed without Content-Length, 1 MB',
    '/api/comments',
    chunked(`{"body":"${'x'.repeat(KB)}`, KB),
    OVER_ANONYMOUS_LIMIT,
  ),
  postJSON(
    'an anonymous login of 100 KB',
    '/api/users/login',
    () => JSON.stringify({ email: 'a@example.com', password: 'x'.repeat(100 * KB) }),
    OVER_ANONYMOUS_LIMIT,
  ),
  postJSON(
    'an anonymous GraphQL query of 100 KB',
    '/api/graphql',
    () => JSON.stringify({ query: `{ Articles { docs { id } } } #${'x'.repeat(100 * KB)}` }),
    OVER_ANONYMOUS_LIMIT,
  ),
  post(
    'an anonymous upload of 100 KB to media (anonymous requests keep their limit)',
    '/api/media',
    form('file', new Blob([new Uint8Array(100 * KB)], { type: 'image/png' }), 'anonymous.png'),
    OVER_ANONYMOUS_LIMIT,
  ),
  postJSON(
    'a staff article of 3 MB',
    '/api/articles',
    () => JSON.stringify({ title: 'Huge', padding: 'x'.repeat(3 * MB) }),
    { message: /2 ?MB/i, status: 413 },
    STAFF,
  ),
  postJSON(
    'a staff article of 100 KB (under the staff limit: reaches validation)',
    '/api/articles',
    () => JSON.stringify({ title: 'Padded', padding: 'x'.repeat(100 * KB) }),
    bad(/authors/i),
    STAFF,
  ),
  postJSON('a comment nested 100,000 levels deep', '/api/comments', () => comment({ website: '@' }).replace('"@"', nested(10_000)), TOO_DEEP),
  postJSON('a staff article nested 10,000 levels deep', '/api/articles', () => `{"title":"Deep","content":${nested(10_000)}}`, TOO_DEEP, STAFF),
  postJSON(
    'GraphQL variables nested 10,000 levels deep',
    '/api/graphql',
    () => `{"query":"query($w: Article_where) { Articles(where: $w) { totalDocs } }","variables":{"w":${nested(10_000)}}}`,
    TOO_DEEP,
  ),

  // Item 6: bodies and content types.
  ...[
    ['null', 'null'],
    ['a string', '"hello"'],
    ['a number', '42'],
    ['an array', `[${comment()}]`],
  ].map(([what, body]) => postJSON(`a comment whose JSON body is ${what}`, '/api/comments', () => body, NOT_AN_OBJECT)),
  postJSON('a staff article update whose JSON body is null', '/api/articles/1', () => 'null', NOT_AN_OBJECT, {
    method: 'PATCH',
    staff: true,
  }),
  postJSON('a cut-off JSON comment', '/api/comments', () => '{"body":', INVALID_JSON),
  post('a comment without a Content-Type', '/api/comments', () => new TextEncoder().encode(comment()), {
    message: /no Content-Type.*application\/json/i,
    status: 415,
  }),
  ...[
    ['text/plain', comment()],
    ['application/x-www-form-urlencoded', 'authorName=Reader&body=Hello&article=1'],
    ['application/xml', '<comment><body>Hello</body></comment>'],
  ].map(([type, body]) =>
    post(
      `a comment sent as ${type}`,
      '/api/comments',
      () => body,
      { message: new RegExp(`Content-Type ${type.replace(/[+/.-]/g, '\\$&')} is not accepted.*application/json`), status: 415 },
      { headers: { 'Content-Type': type } },
    ),
  ),
  post('a multipart comment with a cut-off _payload', '/api/comments', form('_payload', '{"body":'), bad(/Invalid JSON in the _payload field/)),
  postJSON('a GraphQL request whose JSON body is null', '/api/graphql', () => 'null', NOT_AN_OBJECT),
  postJSON('a method-override GET with cut-off JSON', '/api/articles', () => '{"where":', INVALID_JSON, {
    headers: { ...JSON_TYPE, 'X-HTTP-Method-Override': 'GET' },
  }),

  // Item 6: query parameters.
  get('a bad date in where', '/api/articles?where[publishedAt][greater_than]=not-a-date', bad(/publishedAt.*date/i)),
  get('near on a text field', '/api/articles?where[title][near]=1,2', bad(/near.*title|title.*near/i)),
  get('an unknown operator ($ne)', '/api/articles?where[title][$ne]=x', bad(/\$ne/)),
  get('page=1e20', '/api/articles?page=1e20', bad(/page/)),
  // Past 1,000 items a URL outgrows Node's 16 KB header limit, which answers 431 before the app runs.
  get('a 2,000-item in list', `/api/articles?where[id][in]=${ids(2000)}`, bad(/where\[id\]\[in\].*1,?000/)),
  post(
    'a 200,000-item in list, sent as a method-override POST by staff',
    '/api/articles',
    () => `where[id][in]=${ids(200_000)}`,
    bad(/where\[id\]\[in\].*1,?000/),
    { headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-HTTP-Method-Override': 'GET' }, staff: true },
  ),
  get('GET /api/users/verify/abc', '/api/users/verify/abc', { message: /verify/i, status: 404 }),
  get('limit=-1', '/api/articles?limit=-1', bad(/limit/)),
  get('depth=abc', '/api/articles?depth=abc', bad(/depth/)),
  get('page=0', '/api/articles?page=0', bad(/page/)),
  get('sort on an unknown field', '/api/articles?sort=nosuchfield', bad(/nosuchfield/)),
  get('where as cut-off JSON', '/api/articles?where={"title":', bad(/where.*JSON/i)),
  // As many as a URL within Node's 16 KB header limit holds; Payload's parser keeps 1,000 at most.
  get(
    'a select object of 500 made-up keys',
    `/api/articles?${Array.from({ length: 500 }, (_, i) => `select[f${i}]=true`).join('&')}`,
    bad(/select names .{1,2}f0.{1,2}, which is not a field of articles/),
  ),
  get('a non-numeric id', '/api/articles/abc', NOT_FOUND),
  postJSON(
    'GraphQL with a string for an Int variable',
    '/api/graphql',
    () => JSON.stringify({ query: 'query($l: Int) { Articles(limit: $l) { totalDocs } }', variables: { l: 'many' } }),
    bad(/\$l/),
  ),
  get('limit=1.5', '/api/articles?limit=1.5', bad(/limit must be a whole number/)),
  get('an id that is not a number in an in list', '/api/articles?where[id][in]=1,abc', bad(/where\[id\]\[in\].*must be a number/)),
  get('an object as an equals value', '/api/articles?where[title][equals][a]=b', bad(/where\[title\]\[equals\] must be a single value/)),
  get('a join page of 1e20', '/api/articles?joins[comments][page]=1e20', bad(/joins\[comments\]\[page\]/)),
  get(
    'a bad date in a join where',
    '/api/articles?joins[comments][where][createdAt][equals]=bad',
    bad(/joins\[comments\]\[where\]\[createdAt\]\[equals\] must be a date/),
  ),
  get(
    'where as JSON nested 100 levels deep',
    `/api/articles?where=${encodeURIComponent(`{"or":${nested(100)}}`)}`,
    bad(/where parameter nests.*64/),
  ),
  get('an id of 1e400', '/api/articles/1e400', NOT_FOUND),
  post(
    'a multipart comment with a broken boundary',
    '/api/comments',
    () => '--another\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{}\r\n',
    bad(/multipart body could not be read/),
    { headers: { 'Content-Type': 'multipart/form-data; boundary=nothing-like-it' } },
  ),
  { method: 'POST', name: 'a comment with no body at all', path: '/api/comments', ...bad(/no document.*JSON object/) },
  { method: 'PATCH', name: 'a staff article update with no body at all', path: '/api/articles/1', staff: true, ...bad(/no document.*JSON object/) },
  post(
    'a staff update sent as Application/JSON in capitals (accepted)',
    '/api/articles/1',
    () => JSON.stringify({ excerpt: 'Updated through a capitalised media type' }),
    { message: /Updated through a capitalised media type/, status: 200 },
    { headers: { 'Content-Type': 'Application/JSON; Charset=UTF-8' }, method: 'PATCH', staff: true },
  ),
  postJSON('a GraphQL query that does not parse', '/api/graphql', () => JSON.stringify({ query: '{ Articles { docs { id }' }), bad(/Syntax Error/)),
  // An operation that ran keeps GraphQL's 200, with each error's own status in its extensions.
  postJSON(
    'GraphQL where with the all operator (unsupported by SQLite)',
    '/api/graphql',
    () => JSON.stringify({ query: '{ Articles(where: { tags: { all: [1] } }) { totalDocs } }' }),
    { message: /"statusCode":400.*where\[tags\]\[all\] is not supported/, status: 200 },
  ),
]
