import type { Request, Result } from 'autocannon'

import autocannon from 'autocannon'

import type { RunningServer } from './servers'

import { sampleTreeRSS, waitUntilQuiet } from './rss'

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
  /** Non-2xx responses plus socket errors and timeouts. */
  errors: number
  p50: number
  p99: number
  /** Peak resident memory of the server's process tree while measured. */
  peakRSSBytes: number
  responses: number
  status5xx: number
  statusCodes: Record<string, number>
}

const statusCodes = (result: Result): Record<string, number> =>
  Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, count ?? 0]))

const fire = (server: RunningServer, request: Request, connections: number, duration: number): Promise<Result> =>
  // A copy each time: autocannon stores its built request on the object; the rotation lives in the closures.
  autocannon({ connections, duration, requests: [{ ...request }], url: server.url })

/** Warms up, then measures one scenario against one server with autocannon. */
export const measure = async (server: RunningServer, request: Request, options: LoadOptions): Promise<Measurement> => {
  await waitUntilQuiet(server.pid)
  if (options.warmup > 0) await fire(server, request, options.connections, options.warmup)
  const memory = sampleTreeRSS(server.pid)
  const result = await fire(server, request, options.connections, options.duration)
  const peakRSSBytes = memory.stop()
  return {
    durationSeconds: result.duration,
    errors: result.non2xx + result.errors,
    p50: result.latency.p50,
    p99: result.latency.p99,
    peakRSSBytes,
    rate: result['2xx'] / result.duration,
    responses: result.requests.total,
    status5xx: result['5xx'],
    statusCodes: statusCodes(result),
  }
}
