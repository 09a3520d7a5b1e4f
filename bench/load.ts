import type { Request, Result } from 'autocannon'

import autocannon from 'autocannon'
import os from 'os'

import type { RunningServer } from './servers'

import { sampleTreeRSS, treeCPUTicks, waitUntilQuiet } from './rss'

export type LoadOptions = {
  connections: number
  /** Seconds measured. */
  duration: number
  /** Seconds of the same load before measuring, thrown away: JIT, caches and Payload's first-use setup. */
  warmup: number
}

export type Measurement = {
  /** 2xx responses per second (for comment submissions, all 2xx are 201s). */
  rate: number
  durationSeconds: number
  /** CPU the database's server processes used per measured response (ms), when the run can see them (PostgreSQL). */
  databaseCPUMsPerResponse?: number
  /** Bytes per response over the whole run, headers included: what a cache or a link carries per request. */
  meanResponseBytes: number
  /** Non-2xx responses plus socket errors and timeouts. */
  errors: number
  /** The machine's 1-minute load average as the run ended (the bench's own load included). */
  loadAverage: number
  p50: number
  p99: number
  /** Peak resident memory of the server's process tree while measured. */
  peakRSSBytes: number
  responses: number
  /**
   * CPU the servers' process trees used per measured response (ms), from /proc: what a response
   * costs, which other work on the machine inflates far less than the rate or the latencies.
   */
  serverCPUMsPerResponse: number
  status5xx: number
  statusCodes: Record<string, number>
}

type Response = { at: number; latency: number; status: number }

/**
 * One continuous autocannon run of warm-up plus measured seconds, recording every response. With
 * several servers, autocannon gives connection i to server i mod n for the whole run (a client-side
 * round-robin over instances, as a load balancer with sticky keep-alive connections would). Only
 * those that arrive after the warm-up are measured: new connections all start at once, and the
 * first answers on some of them wait behind the whole burst (up to ~1.5 s on 2 cores); a separate
 * warm-up run would not help, as each autocannon run opens its connections anew.
 */
const fire = async (
  servers: RunningServer[],
  request: Request,
  { connections, duration, warmup }: LoadOptions,
): Promise<{ measuredFrom: number; responses: Response[]; result: Result }> => {
  const responses: Response[] = []
  const started = Date.now()
  const result = await new Promise<Result>((resolve, reject) => {
    const run = autocannon(
      // A copy: autocannon stores its built request on the object; the rotation lives in the closures.
      {
        connections,
        duration: warmup + duration,
        // Every client keeps its built request on this shared object: with several servers, rebuilt
        // for each request, it carries the Host of the client's own server, not of the last built.
        requests: [servers.length > 1 ? { setupRequest: (built) => built, ...request } : { ...request }],
        // autocannon takes a list of URLs (its README); its type declarations say a string.
        url: servers.map(({ url }) => url) as unknown as string,
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    )
    run.on('response', (_client, status, _bytes, latency) => responses.push({ at: Date.now(), latency, status }))
  })
  return { measuredFrom: started + warmup * 1000, responses, result }
}

/** The value below which a share `p` of the (ascending) values fall; 0 for none. */
export const percentile = (sorted: number[], p: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : 0

/** The CPU ticks (Linux: 100 a second) the database's server processes have used so far, by pid. */
export type DatabaseCPU = () => Promise<Map<number, number>>

const TICK_MS = 10

/** Ticks used between two readings by pid; a process that appeared in between counts from zero. */
const ticksBetween = (before: Map<number, number>, after: Map<number, number>): number =>
  [...after].reduce((sum, [pid, ticks]) => sum + ticks - (before.get(pid) ?? 0), 0)

const serversCPUTicks = (servers: RunningServer[]): number => servers.reduce((sum, { pid }) => sum + treeCPUTicks(pid), 0)

/**
 * Warms up, then measures one scenario against one server, or several sharing the connections,
 * with autocannon. The figures are those of all servers together; RSS is the sum of each one's peak.
 */
export const measure = async (
  servers: RunningServer[],
  request: Request,
  options: LoadOptions,
  databaseCPU?: DatabaseCPU,
): Promise<Measurement> => {
  for (const { pid } of servers) await waitUntilQuiet(pid)
  let memory: ReturnType<typeof sampleTreeRSS>[] = []
  let cpuBefore: Promise<{ database?: Map<number, number>; server: number }> | undefined
  const startSampling = setTimeout(() => {
    memory = servers.map(({ pid }) => sampleTreeRSS(pid))
    cpuBefore = (async () => ({ server: serversCPUTicks(servers), database: await databaseCPU?.() }))()
  }, options.warmup * 1000)
  const { measuredFrom, responses, result } = await fire(servers, request, options)
  clearTimeout(startSampling)
  const serverTicksAfter = serversCPUTicks(servers)
  const databaseTicksAfter = await databaseCPU?.()
  const before = await cpuBefore
  const loadAverage = os.loadavg()[0]
  const peakRSSBytes = memory.reduce((sum, sampling) => sum + sampling.stop(), 0)
  const measured = responses.filter(({ at }) => at >= measuredFrom)
  const perResponse = (ticks: number) => (ticks * TICK_MS) / Math.max(1, measured.length)
  const latencies = measured.map(({ latency }) => latency).sort((a, b) => a - b)
  const codes: Record<string, number> = {}
  for (const { status } of measured) codes[status] = (codes[status] ?? 0) + 1
  const count = (test: (status: number) => boolean) => measured.filter(({ status }) => test(status)).length
  return {
    durationSeconds: options.duration,
    // Socket errors and timeouts over the whole run, warm-up included: none is acceptable.
    errors: count((status) => status < 200 || status >= 300) + result.errors + result.timeouts,
    loadAverage,
    meanResponseBytes: result.throughput.total / Math.max(1, result.requests.total),
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    peakRSSBytes,
    rate: count((status) => status >= 200 && status < 300) / options.duration,
    responses: measured.length,
    serverCPUMsPerResponse: before ? perResponse(serverTicksAfter - before.server) : NaN,
    ...(before?.database && databaseTicksAfter
      ? { databaseCPUMsPerResponse: perResponse(ticksBetween(before.database, databaseTicksAfter)) }
      : {}),
    status5xx: count((status) => status >= 500),
    statusCodes: codes,
  }
}
