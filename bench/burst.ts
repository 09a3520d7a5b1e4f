/**
 * The `burst` scenario: a wave of writes sent at once, with reads running beside it. Answers
 * whether responses flow during a burst (each write answered when it is done, reads not held up
 * behind the writes) and whether every acknowledged write is stored. See bench/README.md.
 */
import http from 'http'
import { setTimeout as sleep } from 'timers/promises'

import type { BenchDatabase } from './database'
import type { LoadOptions } from './load'
import type { RunningServer } from './servers'
import type { ExcerptSave, StoredCheck } from './stored'
import type { TimedRequest, TimedResponse } from './request'
import type { Targets } from './targets'

import { percentile } from './load'
import { timedRequest } from './request'
import { treeCPUTicks, waitUntilQuiet } from './rss'
import { commentSubmission, defaultListPath, storyByIDPath } from './scenarios'
import { editorAuthorization } from './staff'
import { checkStoredComments, checkStoredSaves } from './stored'

export const BURST_SETTINGS = {
  /** Comments sent one at a time, with nothing else running, before the burst: each kind's latency alone. */
  aloneComments: 20,
  aloneSaves: 20,
  /** Comments in the burst, each from its own client address and email. */
  comments: 200,
  /** Stories the burst's comments go to and the story reads rotate over: a busy news day's front page. */
  hotStories: 10,
  /** Connections reading continuously, before and during the burst. */
  readConnections: 4,
  /** Editor saves (PATCH) in the burst, each of its own story. */
  saves: 20,
} as const

/** Targets from the issue "Every acknowledged write is stored", item 4. */
export const BURST_TARGETS = {
  /** Reads during the burst, p99. */
  readP99Ms: 500,
  /** Each write's p50 and p99 in the burst against the same write's alone. */
  writeSlowdown: 5,
} as const

/** Two write responses this close together count as leaving together (the responses of the unfixed code did). */
export const CLUMP_WINDOW_MS = 30

export type ReadKind = 'home' | 'story'
export type WriteKind = 'comment' | 'save'

export type Latency = { count: number; max: number; p50: number; p99: number }

export type ReadLatency = Latency & { byKind: Record<ReadKind, Latency> }

export type WriteFigures = {
  alone: Latency
  burst: Latency
  /** Status codes of the burst's writes of this kind. */
  statusCodes: Record<string, number>
  /** Every acknowledged write of the round (warm-up, alone and burst) against the database. */
  stored: StoredCheck
}

export type BurstRound = {
  /**
   * The burst, from sending to its last answer, on the machine's monotonic clock in µs: the clock
   * of a `--cpu-prof` profile's `startTime`, to look at the burst alone in it.
   */
  monotonicUs: { end: number; start: number }
  reads: { alone: ReadLatency; burst: ReadLatency }
  /** Reads in flight during the burst: ms after the burst was sent when each was sent and answered. */
  readsDuringBurst: { answered: number; kind: ReadKind; sent: number }[]
  /** When the burst's write responses arrived, in ms after it was sent. */
  responses: { first: number; last: number; largestClump: number; p10: number; p50: number; p90: number }
  /**
   * CPU the server's process tree used from sending the burst to its last answer, in cores: 1.0
   * is one core busy throughout (JavaScript runs on one thread).
   */
  serverCores: number
  /** Requests of the round (reads and writes) that got no answer: socket errors and timeouts. */
  socketErrors: number
  /** Their messages, with how many times each occurred. */
  socketErrorMessages: Record<string, number>
  /** 5xx answers of the round, reads and writes. */
  status5xx: number
  writes: Record<WriteKind, WriteFigures>
}

export type BurstResult = { rounds: BurstRound[]; settings: typeof BURST_SETTINGS }

type Sample = { at: number; error?: string; latency: number; status: number }
type ReadSample = Sample & { kind: ReadKind; sentAt: number }

const monotonicUs = (): number => Number(process.hrtime.bigint() / 1000n)

const summarize = (samples: { latency: number }[]): Latency => {
  const sorted = samples.map(({ latency }) => latency).sort((a, b) => a - b)
  return { count: sorted.length, max: sorted.at(-1) ?? 0, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) }
}

const summarizeReads = (samples: ReadSample[]): ReadLatency => ({
  ...summarize(samples),
  byKind: {
    home: summarize(samples.filter(({ kind }) => kind === 'home')),
    story: summarize(samples.filter(({ kind }) => kind === 'story')),
  },
})

/** The most responses that arrived within any window of `windowMs`. */
const largestClump = (sortedTimes: number[], windowMs: number): number => {
  let largest = 0
  for (let first = 0, last = 0; last < sortedTimes.length; last++) {
    while (sortedTimes[last] - sortedTimes[first] > windowMs) first++
    largest = Math.max(largest, last - first + 1)
  }
  return largest
}

/** Reads on `connections` keep-alive connections, each alternating the home list and a story, until stopped. */
const startReaders = (url: string, connections: number, stories: Targets['articles']) => {
  const samples: ReadSample[] = []
  let running = true
  let story = 0
  const loops = Array.from({ length: connections }, async (_, connection) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
    for (let turn = connection; running; turn++) {
      const kind: ReadKind = turn % 2 === 0 ? 'home' : 'story'
      const path = kind === 'home' ? defaultListPath() : storyByIDPath(stories[story++ % stories.length].id)
      const { body, doneAt, sentAt, status } = await timedRequest(url, { agent, path })
      samples.push({ at: doneAt, error: status === 0 ? body : undefined, kind, latency: doneAt - sentAt, sentAt, status })
    }
    agent.destroy()
  })
  return {
    samples,
    /** Stops sending and waits for the reads in flight. */
    stop: async () => {
      running = false
      await Promise.all(loops)
    },
  }
}

type PlannedWrite = { acknowledge: (response: TimedResponse) => void; kind: WriteKind; request: TimedRequest }

type BurstContext = {
  authorization: string
  database: BenchDatabase
  log: (message: string) => void
  options: LoadOptions
  server: RunningServer
  targets: Targets
}

// Every save of the invocation edits a story no other save touches, so the check can find its text.
let saveSerial = 0

const oneRound = async ({ authorization, database, log, options, server, targets }: BurstContext): Promise<BurstRound> => {
  const hot = targets.articles.slice(0, BURST_SETTINGS.hotStories)
  const editable = targets.articles.slice(BURST_SETTINGS.hotStories)
  const acceptedComments: number[] = []
  const acknowledgedSaves: ExcerptSave[] = []
  const everyAnswer: Sample[] = []

  let nextHot = 0
  const planComment = (): PlannedWrite => ({
    acknowledge: ({ body, status }) => {
      if (status === 201) acceptedComments.push((JSON.parse(body) as { doc: { id: number } }).doc.id)
    },
    kind: 'comment',
    request: { ...commentSubmission(hot[nextHot++ % hot.length].id), method: 'POST', path: '/api/comments' },
  })
  const planSave = (): PlannedWrite => {
    const serial = ++saveSerial
    const article = editable[serial % editable.length]
    const excerpt = `Updated (bench save ${serial}): the council has now published the full figures ahead of the vote.`
    return {
      acknowledge: ({ status }) => {
        if (status === 200) acknowledgedSaves.push({ articleID: article.id, excerpt })
      },
      kind: 'save',
      // As the admin panel saves: only the ids of related documents in the answer.
      request: {
        body: JSON.stringify({ excerpt }),
        headers: { authorization, 'content-type': 'application/json' },
        method: 'PATCH',
        path: `/api/articles/${article.id}?depth=0`,
      },
    }
  }
  const send = async ({ acknowledge, kind, request }: PlannedWrite) => {
    const response = await timedRequest(server.url, request)
    acknowledge(response)
    everyAnswer.push({
      at: response.doneAt,
      error: response.status === 0 ? response.body : undefined,
      latency: response.doneAt - response.sentAt,
      status: response.status,
    })
    return { kind, response }
  }
  const oneAtATime = async (count: number, plan: () => PlannedWrite) => {
    const samples: Sample[] = []
    for (let i = 0; i < count; i++) {
      const { response } = await send(plan())
      samples.push({ at: response.doneAt, latency: response.doneAt - response.sentAt, status: response.status })
    }
    return samples
  }

  // Warm-up: the first of each request sets up what later ones reuse (routes, the editor's session).
  await waitUntilQuiet(server.pid)
  await oneAtATime(2, planComment)
  await oneAtATime(2, planSave)
  for (const path of [defaultListPath(), storyByIDPath(hot[0].id)]) await timedRequest(server.url, { path })

  await waitUntilQuiet(server.pid)
  const alone = {
    comment: await oneAtATime(BURST_SETTINGS.aloneComments, planComment),
    save: await oneAtATime(BURST_SETTINGS.aloneSaves, planSave),
  }

  await waitUntilQuiet(server.pid)
  const readers = startReaders(server.url, BURST_SETTINGS.readConnections, hot)
  await sleep(options.warmup * 1000)
  const readsAloneFrom = performance.now()
  await sleep(options.duration * 1000)

  // Saves spread evenly through the sending order, neither all first nor all last.
  const total = BURST_SETTINGS.comments + BURST_SETTINGS.saves
  const saveAt = new Set(
    Array.from({ length: BURST_SETTINGS.saves }, (_, k) => Math.floor(((k + 0.5) * total) / BURST_SETTINGS.saves)),
  )
  const plan = Array.from({ length: total }, (_, i) => (saveAt.has(i) ? planSave() : planComment()))
  const cpuBefore = treeCPUTicks(server.pid)
  const burstStart = performance.now()
  const monotonicStart = monotonicUs()
  const burst = await Promise.all(plan.map(send))
  const burstEnd = Math.max(...burst.map(({ response }) => response.doneAt))
  const monotonic = { end: monotonicStart + Math.round((burstEnd - burstStart) * 1000), start: monotonicStart }
  const serverCores = (treeCPUTicks(server.pid) - cpuBefore) / 100 / ((performance.now() - burstStart) / 1000)
  await readers.stop()

  const readSamples = readers.samples
  const duringBurst = readSamples.filter(({ at, sentAt }) => sentAt < burstEnd && at > burstStart)
  everyAnswer.push(...readSamples)
  const responseTimes = burst.map(({ response }) => response.doneAt - burstStart).sort((a, b) => a - b)
  const writes = {} as Record<WriteKind, WriteFigures>
  for (const kind of ['comment', 'save'] as const) {
    const responses = burst.filter((write) => write.kind === kind).map(({ response }) => response)
    const statusCodes: Record<string, number> = {}
    for (const { status } of responses) statusCodes[status] = (statusCodes[status] ?? 0) + 1
    writes[kind] = {
      alone: summarize(alone[kind]),
      burst: summarize(responses.map(({ doneAt, sentAt }) => ({ latency: doneAt - sentAt }))),
      statusCodes,
      stored:
        kind === 'comment'
          ? await checkStoredComments(database, acceptedComments)
          : await checkStoredSaves(database, acknowledgedSaves),
    }
  }
  const round: BurstRound = {
    monotonicUs: monotonic,
    reads: {
      alone: summarizeReads(readSamples.filter(({ at, sentAt }) => sentAt >= readsAloneFrom && at <= burstStart)),
      burst: summarizeReads(duringBurst),
    },
    readsDuringBurst: duringBurst.map(({ at, kind, sentAt }) => ({
      answered: Math.round(at - burstStart),
      kind,
      sent: Math.round(sentAt - burstStart),
    })),
    responses: {
      first: responseTimes[0],
      last: responseTimes.at(-1)!,
      largestClump: largestClump(responseTimes, CLUMP_WINDOW_MS),
      p10: percentile(responseTimes, 0.1),
      p50: percentile(responseTimes, 0.5),
      p90: percentile(responseTimes, 0.9),
    },
    serverCores,
    socketErrors: everyAnswer.filter(({ status }) => status === 0).length,
    socketErrorMessages: {},
    status5xx: everyAnswer.filter(({ status }) => status >= 500).length,
    writes,
  }
  for (const { error } of everyAnswer) {
    if (error) round.socketErrorMessages[error] = (round.socketErrorMessages[error] ?? 0) + 1
  }
  if (round.status5xx || round.socketErrors) {
    log(
      `  ${server.label}: ${round.status5xx} 5xx, ${round.socketErrors} requests without an answer ` +
        `${JSON.stringify(round.socketErrorMessages)}; its last output:\n${server.output().slice(-4000)}`,
    )
  }
  return round
}

/** Sets up an editor, then runs `options.rounds` bursts against the project's server. */
export const runBursts = async (
  context: Omit<BurstContext, 'authorization'> & { rounds: number },
): Promise<BurstResult> => {
  const authorization = await editorAuthorization(context.server.url)
  const rounds: BurstRound[] = []
  for (let round = 1; round <= context.rounds; round++) {
    const result = await oneRound({ ...context, authorization })
    rounds.push(result)
    const { reads, responses, writes } = result
    const ms = (value: number) => Math.round(value).toLocaleString('en-US')
    context.log(
      `burst round ${round}/${context.rounds}: reads p99 ${ms(reads.alone.p99)} ms alone, ${ms(reads.burst.p99)} ms in the burst; ` +
        `comment p50 ${ms(writes.comment.alone.p50)} → ${ms(writes.comment.burst.p50)} ms, ` +
        `save p50 ${ms(writes.save.alone.p50)} → ${ms(writes.save.burst.p50)} ms; ` +
        `responses from ${ms(responses.first)} to ${ms(responses.last)} ms; ` +
        `lost ${writes.comment.stored.lost + writes.save.stored.lost}, 5xx ${result.status5xx}`,
    )
  }
  return { rounds, settings: BURST_SETTINGS }
}
