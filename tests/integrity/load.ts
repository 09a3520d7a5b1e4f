import { setTimeout as sleep } from 'timers/promises'

/** Every kind of request the load sends; the first seven write to the database. */
export const KINDS = [
  'comment',
  'create',
  'save',
  'autosave',
  'publish',
  'login',
  'login-wrong',
  'forgot-password',
  'forgot-unknown',
  'read-rest',
  'read-graphql',
] as const
export type Kind = (typeof KINDS)[number]

/** Kinds whose 2xx promises a row that the database check looks up. */
export const VERIFIED_KINDS: readonly Kind[] = ['comment', 'create', 'save', 'autosave', 'publish', 'login']

/** What an acknowledged write must have left in the database. */
export type Expected =
  | { body: string; id: number; type: 'comment' }
  | {
      id: number
      /** False for a draft save (`?draft=true`), which writes a version row only, never the article's own row. */
      mainRow: boolean
      published: boolean
      title: string
      type: 'article'
      updatedAt: string
    }
  | { sid: string; type: 'session'; userID: number }

export type Outcome = {
  /** When the answer (or the connection error) arrived, in ms since the epoch. */
  at: number
  /** The server's message for a refused request, or the connection error's code. */
  error?: string
  expected?: Expected
  kind: Kind
  /** null when no HTTP answer arrived (connection refused or reset, timeout). */
  status: null | number
}

export type Fixtures = {
  authorID: number
  editorTokens: string[]
  forgotEmail: string
  /** One published story that every editor saves, so that writes to the same row overlap. */
  hotArticleID: number
  loginAccounts: { email: string; password: string }[]
  publishedIDs: number[]
  wrongLoginEmail: string
}

const PASSWORD = 'integrity-password-1'
const EDITORS = 3
const WORKERS_PER_EDITOR = 3
const COMMENT_WORKERS = 8
const READ_WORKERS = 6
const LOGIN_ACCOUNTS = 2
const REQUEST_TIMEOUT_MS = 15_000
// Payload keeps 50 versions per article (versions.maxPerDoc) and deletes older ones, which would make
// an acknowledged title vanish by design: a story gets at most 1 + 8 versions here, the hot one 1 + 40.
const PATCHES_PER_ARTICLE = 8
const HOT_ARTICLE_PATCHES = 40

type Call = { body?: unknown; headers?: Record<string, string>; method?: 'GET' | 'PATCH' | 'POST'; token?: string }

const send = async (baseURL: string, path: string, { body, headers = {}, method = 'GET', token }: Call) => {
  const response = await fetch(`${baseURL}${path}`, {
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `JWT ${token}` } : {}),
      ...headers,
    },
    method,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  })
  const text = await response.text()
  let json: any = text
  try {
    json = text ? JSON.parse(text) : null
  } catch {
    // Not JSON (an HTML error page): kept as text for the report.
  }
  return { body: json, status: response.status }
}

const errorMessage = (body: any): string | undefined =>
  typeof body === 'string' ? body.slice(0, 200) : (body?.errors?.[0]?.message ?? body?.message)

/** The session id in a Payload JWT, which login stores in `users_sessions`. */
const sessionID = (token: string): string => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sid

/** A set-up request that must succeed. */
const setUp = async (baseURL: string, path: string, call: Call): Promise<any> => {
  const { body, status } = await send(baseURL, path, call)
  if (status >= 300)
    throw new Error(`Set-up ${call.method ?? 'GET'} ${path} answered ${status}: ${JSON.stringify(body)}`)
  return body
}

/**
 * A fresh install as its users create it: the first account (admin) through first-register, editor
 * accounts, login accounts and a byline over REST, then published stories that take comments.
 */
export const bootstrap = async (baseURL: string, label: string): Promise<Fixtures> => {
  const slug = label.toLowerCase()
  const { token: admin } = await setUp(baseURL, '/api/users/first-register', {
    body: { name: 'Integrity Admin', email: `admin-${slug}@newsroom.test`, password: PASSWORD },
    method: 'POST',
  })
  const account = (name: string, role?: 'editor') =>
    setUp(baseURL, '/api/users', {
      body: { name, email: `${name}-${slug}@newsroom.test`, password: PASSWORD, role },
      method: 'POST',
      token: admin,
    }).then(({ doc }) => doc.email as string)

  const editorTokens: string[] = []
  for (let i = 0; i < EDITORS; i++) {
    const email = await account(`editor${i}`, 'editor')
    editorTokens.push(
      (await setUp(baseURL, '/api/users/login', { body: { email, password: PASSWORD }, method: 'POST' })).token,
    )
  }
  const loginAccounts = []
  for (let i = 0; i < LOGIN_ACCOUNTS; i++) loginAccounts.push({ email: await account(`login${i}`), password: PASSWORD })
  // Wrong passwords lock an account after 5 attempts: they go to an account of their own.
  const wrongLoginEmail = await account('wrong-login')
  const forgotEmail = await account('forgot')

  const { doc: author } = await setUp(baseURL, '/api/authors', {
    body: { name: `${label} Desk` },
    method: 'POST',
    token: admin,
  })
  const publishedIDs: number[] = []
  for (let i = 0; i < 4; i++) {
    const { doc } = await setUp(baseURL, '/api/articles', {
      body: { _status: 'published', authors: [author.id], commentsEnabled: true, title: `${label} open story ${i}` },
      method: 'POST',
      token: editorTokens[0],
    })
    publishedIDs.push(doc.id)
  }
  return {
    authorID: author.id,
    editorTokens,
    forgotEmail,
    hotArticleID: publishedIDs[0],
    loginAccounts,
    publishedIDs,
    wrongLoginEmail,
  }
}

type LoadOptions = {
  baseURL: string
  durationMs: number
  fixtures: Fixtures
  /** Unique text in every title and comment of this run. */
  label: string
  /** Runs halfway through, while the load goes on (a kill and a restart on the same port). */
  midway?: () => Promise<void>
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]

/** A new client for flood control per comment: IPv4 documentation addresses and IPv6 /64 networks in turn. */
const clientAddress = (n: number): string => {
  if (n % 2) return `2001:db8:${(n >> 16) & 0xffff}:${(n & 0xffff).toString(16)}::7`
  const nets = ['203.0.113', '198.51.100', '192.0.2']
  const host = n / 2
  return `${nets[host % 3]}.${(Math.floor(host / 3) % 254) + 1}`
}

/**
 * Runs a mixed concurrent load for `durationMs` and returns every request's outcome: anonymous
 * comments from many addresses, editors writing stories (create, save, autosave, publish), logins
 * (some with wrong passwords), forgot-password requests, and REST and GraphQL reads.
 */
export const runLoad = async ({
  baseURL,
  durationMs,
  fixtures,
  label,
  midway,
}: LoadOptions): Promise<{ outcomes: Outcome[]; workers: number }> => {
  const outcomes: Outcome[] = []
  let deadline = Date.now() + durationMs
  let midwayRunning = false
  // While the server is away (killed, restarting) the load waits for it instead of ending.
  const live = () => midwayRunning || Date.now() < deadline
  let sequence = 0
  const next = () => ++sequence

  /** Sends one request and records it; returns the body of a 2xx, else undefined. */
  const call = async (
    kind: Kind,
    path: string,
    request: Call = {},
    expected?: (body: any) => Expected,
  ): Promise<any> => {
    let answer: Awaited<ReturnType<typeof send>>
    try {
      answer = await send(baseURL, path, request)
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause
      outcomes.push({ at: Date.now(), error: cause?.code ?? (error as Error).name, kind, status: null })
      // No answer: the server is down or restarting; do not spin.
      await sleep(200)
      return undefined
    }
    const { body, status } = answer
    // GraphQL answers 200 with `errors`: the error's own status counts instead.
    const graphQLStatus =
      kind === 'read-graphql' && body?.errors?.length ? (body.errors[0].extensions?.statusCode ?? 500) : null
    const effective = graphQLStatus ?? status
    const ok = effective >= 200 && effective < 300
    outcomes.push({
      at: Date.now(),
      error: ok ? undefined : errorMessage(body),
      expected: ok && expected ? expected(body) : undefined,
      kind,
      status: effective,
    })
    return ok ? body : undefined
  }

  const hot = { patches: 0 }
  const patch = (kind: 'autosave' | 'publish' | 'save', id: number, token: string) => {
    const title = `${label} story ${id} ${kind} ${next()}`
    const query = kind === 'autosave' ? '?autosave=true&draft=true' : ''
    return call(
      kind,
      `/api/articles/${id}${query}`,
      { body: kind === 'publish' ? { _status: 'published', title } : { title }, method: 'PATCH', token },
      ({ doc }) => ({
        id,
        mainRow: kind !== 'autosave',
        published: kind === 'publish',
        title,
        type: 'article',
        updatedAt: doc.updatedAt,
      }),
    )
  }

  const editor = async (token: string) => {
    while (live()) {
      const title = `${label} draft ${next()}`
      const created = await call(
        'create',
        '/api/articles',
        {
          body: { _status: 'draft', authors: [fixtures.authorID], excerpt: 'Written under load.', title },
          method: 'POST',
          token,
        },
        ({ doc }) => ({
          id: doc.id,
          mainRow: true,
          published: false,
          title,
          type: 'article',
          updatedAt: doc.updatedAt,
        }),
      )
      if (!created) continue
      for (let i = 0; i < PATCHES_PER_ARTICLE && live(); i++) {
        const roll = Math.random()
        if (roll < 0.1 && hot.patches < HOT_ARTICLE_PATCHES) {
          hot.patches += 1
          await patch('save', fixtures.hotArticleID, token)
        } else await patch(roll < 0.5 ? 'save' : roll < 0.9 ? 'autosave' : 'publish', created.doc.id, token)
      }
    }
  }

  const commenter = async () => {
    while (live()) {
      const n = next()
      // Every tenth comment comes again from the previous address: flood control's 429 is part of the traffic.
      const ip = clientAddress(n % 10 === 0 ? n - 1 : n)
      const body = `${label} comment ${n}: a reader's view.`
      await call(
        'comment',
        '/api/comments',
        {
          body: {
            article: pick(fixtures.publishedIDs),
            authorEmail: `reader${n}@example.com`,
            authorName: `Reader ${n}`,
            body,
          },
          headers: { 'X-Forwarded-For': ip },
          method: 'POST',
        },
        ({ doc }) => ({ body, id: doc.id, type: 'comment' }),
      )
    }
  }

  const login = async ({ email, password }: { email: string; password: string }) => {
    // One worker per account: Payload reads the account's sessions before its write transaction,
    // so two logins of one account at once can drop each other's session whatever the database does.
    while (live()) {
      const body = await call(
        'login',
        '/api/users/login',
        { body: { email, password }, method: 'POST' },
        ({ token, user }) => ({
          sid: sessionID(token),
          type: 'session',
          userID: user.id,
        }),
      )
      if (body) await call('read-rest', '/api/users/me', { token: body.token })
    }
  }

  const wrongLogin = async () => {
    while (live()) {
      const n = next()
      const email = n % 2 ? fixtures.wrongLoginEmail : `nobody${n}@newsroom.test`
      // From an address of its own: login throttling counts failures per client address.
      await call('login-wrong', '/api/users/login', {
        body: { email, password: 'not-the-password' },
        headers: { 'X-Forwarded-For': '198.51.100.7' },
        method: 'POST',
      })
    }
  }

  const forgot = async (known: boolean) => {
    while (live()) {
      const email = known ? fixtures.forgotEmail : `unknown${next()}@newsroom.test`
      await call(known ? 'forgot-password' : 'forgot-unknown', '/api/users/forgot-password', {
        body: { email },
        method: 'POST',
      })
    }
  }

  const reader = async () => {
    const editorToken = fixtures.editorTokens[0]
    const graphql = (query: string, token?: string) =>
      call('read-graphql', '/api/graphql', { body: { query }, method: 'POST', token })
    while (live()) {
      const id = pick(fixtures.publishedIDs)
      const roll = Math.floor(Math.random() * 6)
      if (roll === 0) await call('read-rest', '/api/articles?limit=10&depth=1')
      else if (roll === 1) await call('read-rest', `/api/articles/${id}?joins[comments][count]=true`)
      else if (roll === 2)
        await call('read-rest', '/api/articles?draft=true&limit=10&sort=-updatedAt', { token: editorToken })
      else if (roll === 3) await call('read-rest', `/api/comments?where[article][equals]=${id}&limit=10`)
      else if (roll === 4) await graphql('{ Articles(limit: 10) { totalDocs docs { id title authors { name } } } }')
      else
        await graphql(
          `{ Article(id: ${id}, draft: true) { id title _status } Comments(limit: 5) { totalDocs } }`,
          editorToken,
        )
    }
  }

  const workers = [
    ...fixtures.editorTokens.flatMap((token) => Array.from({ length: WORKERS_PER_EDITOR }, () => editor(token))),
    ...Array.from({ length: COMMENT_WORKERS }, commenter),
    ...Array.from({ length: READ_WORKERS }, reader),
    ...fixtures.loginAccounts.map(login),
    wrongLogin(),
    forgot(true),
    forgot(false),
  ]
  let midwayError: unknown
  const halfway = midway
    ? sleep(durationMs / 2).then(async () => {
        midwayRunning = true
        try {
          await midway()
          // The load goes on for half the duration against whatever came back.
          deadline = Math.max(deadline, Date.now() + durationMs / 2)
        } catch (error) {
          midwayError = error
          deadline = 0
        } finally {
          midwayRunning = false
        }
      })
    : Promise.resolve()
  await Promise.all([...workers, halfway])
  if (midwayError) throw midwayError
  return { outcomes, workers: workers.length }
}
