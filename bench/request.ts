import http from 'http'

export type TimedRequest = {
  /**
   * A keep-alive agent to reuse a connection; without one, each request opens its own, as a
   * separate client's would.
   */
  agent?: http.Agent
  body?: string
  headers?: Record<string, string>
  method?: 'GET' | 'PATCH' | 'POST'
  path: string
  /** @default 60000 */
  timeoutMs?: number
}

export type TimedResponse = {
  body: string
  /** `performance.now()` when the last byte of the answer arrived. */
  doneAt: number
  /** `performance.now()` when the request was handed to the socket. */
  sentAt: number
  /** 0 for a socket error or a timeout (the message is the body). */
  status: number
}

/** One HTTP request, timed from sending to the end of the answer's body. */
export const timedRequest = (
  url: string,
  { agent, body, headers = {}, method = 'GET', path, timeoutMs = 60_000 }: TimedRequest,
): Promise<TimedResponse> =>
  new Promise((resolve) => {
    const sentAt = performance.now()
    const failed = (error: Error) => resolve({ body: error.message, doneAt: performance.now(), sentAt, status: 0 })
    const request = http.request(
      new URL(path, url),
      {
        agent: agent ?? false,
        headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        method,
        timeout: timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('error', failed)
        response.on('end', () =>
          resolve({
            body: Buffer.concat(chunks).toString('utf8'),
            doneAt: performance.now(),
            sentAt,
            status: response.statusCode ?? 0,
          }),
        )
      },
    )
    request.on('timeout', () => request.destroy(new Error(`No answer within ${timeoutMs / 1000} s`)))
    request.on('error', failed)
    request.end(body)
  })

/** A JSON request that must succeed: for setting up a scenario, not for measuring. */
export const requestJSON = async <T>(url: string, request: TimedRequest & { expect: number }): Promise<T> => {
  const response = await timedRequest(url, {
    ...request,
    headers: { 'content-type': 'application/json', ...request.headers },
  })
  if (response.status !== request.expect) {
    throw new Error(
      `${request.method ?? 'GET'} ${request.path} answered ${response.status}, not ${request.expect}: ${response.body.slice(0, 500)}`,
    )
  }
  return JSON.parse(response.body) as T
}
