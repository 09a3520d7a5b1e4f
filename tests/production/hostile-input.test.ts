/**
 * The hostile-request table (tests/validation/hostileRequests.ts) over real HTTP against `next start`,
 * and what only a real server shows: a 100 MB body is refused without the server reading it into memory.
 */
import fs from 'fs/promises'
import http from 'http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { hostileRequests, toRequest } from '../validation/hostileRequests'
import { type RunningServer, startProductionServer, waitUntilServing } from '../helpers/server'

const MB = 1024 * 1024

let server: RunningServer
let token: string

/**
 * Sends a Request over a plain HTTP connection: unlike fetch, it keeps a declared Content-Length
 * longer than the bytes sent, sends a stream chunked, and stops sending once the server has answered.
 */
const transmit = (request: Request): Promise<{ status: number; text: string }> =>
  new Promise((resolve, reject) => {
    const headers = Object.fromEntries(request.headers)
    const outgoing = http.request(request.url, { headers, method: request.method })
    let answered = false
    outgoing.on('response', (response) => {
      answered = true
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (chunk) => (text += chunk))
      response.on('end', () => {
        resolve({ status: response.statusCode!, text })
        outgoing.destroy()
      })
    })
    // The server may close the connection once it has answered a body it will not read.
    outgoing.on('error', (error) => (answered ? undefined : reject(error)))
    void (async () => {
      let sent = 0
      const reader = request.body?.getReader()
      for (let read = await reader?.read(); read && !read.done; read = await reader!.read()) {
        if (answered) return reader!.cancel()
        sent += read.value.byteLength
        if (!outgoing.write(read.value)) await new Promise((next) => outgoing.once('drain', next).once('close', next))
      }
      // A declared length longer than the body is left open: the answer must not wait for the rest.
      if (sent >= Number(headers['content-length'] ?? 0)) outgoing.end()
    })().catch(reject)
  })

/** The resident memory of the server's process group (next start and any worker it forks), in bytes. */
const serverRSS = async (): Promise<number> => {
  let total = 0
  for (const pid of await fs.readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue
    try {
      const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8')
      const [, , , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (Number(pgrp) !== server.process.pid) continue
      const status = await fs.readFile(`/proc/${pid}/status`, 'utf8')
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024
    } catch {
      // The process ended while being read.
    }
  }
  return total
}

beforeAll(async () => {
  server = await startProductionServer({ PAYLOAD_SECRET: 'hostile-input-test-secret' })
  await waitUntilServing(server)
  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.url}/api${path}`, {
      body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', ...headers },
      method: 'POST',
    })
    expect(response.ok, `POST ${path}: ${response.status}`).toBe(true)
    return response.json()
  }
  ;({ token } = await post('/users/first-register', {
    email: 'hostile-admin@newsroom.test',
    name: 'Hostile Admin',
    password: 'hostile-password-1',
  }))
  const asAdmin = { Authorization: `JWT ${token}` }
  const { doc: author } = await post('/authors', { name: 'Fixture Author' }, asAdmin)
  const { doc: article } = await post(
    '/articles',
    { _status: 'published', authors: [author.id], commentsEnabled: true, title: 'Fixture story' },
    asAdmin,
  )
  expect(article.id).toBe(1)
}, 120_000)
afterAll(async () => server?.stop())

describe('hostile and malformed requests over HTTP (next start)', () => {
  it.each(hostileRequests)('answer $name with $status', async (row) => {
    const { status, text } = await transmit(await toRequest(row, server.url, token))
    expect({ status, text: text.slice(0, 400) }).toEqual({ status: row.status, text: expect.stringMatching(row.message) })
  })

  it('refuses a 100 MB anonymous comment streamed without Content-Length, without reading it into memory', async () => {
    const chunk = new TextEncoder().encode(`{"body":"${'x'.repeat(MB - 10)}`)
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull: (controller) => (sent++ < 100 ? controller.enqueue(chunk) : controller.close()),
    })
    const before = await serverRSS()
    let peak = before
    const sampler = setInterval(() => void serverRSS().then((rss) => (peak = Math.max(peak, rss))), 50)
    try {
      const request = new Request(`${server.url}/api/comments`, {
        body,
        // @ts-expect-error Node's fetch needs `duplex` for a streamed body; lib.dom's RequestInit lacks it.
        duplex: 'half',
        headers: { 'Content-Type': 'application/json' },
        method: 'POST',
      })
      const { status, text } = await transmit(request)
      await new Promise((settle) => setTimeout(settle, 500))
      expect({ status, text }).toEqual({ status: 413, text: expect.stringMatching(/32 ?KB/i) })
    } finally {
      clearInterval(sampler)
    }
    expect(Math.round((peak - before) / MB), 'MB the server grew by').toBeLessThan(50)
  })
})
