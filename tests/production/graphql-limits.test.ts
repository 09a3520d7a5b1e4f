/**
 * GraphQL's operation limits on the production build (`next start`): the issue's two hostile queries
 * are refused with a 400 that says why, before anything runs, and errors suggest no field names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type RunningServer, startProductionServer, waitUntilServing } from '../helpers/server'

let server: RunningServer

type Answer = { body: { data?: unknown; errors?: { message: string }[] }; ms: number; status: number }

const post = async (query: string): Promise<Answer> => {
  const started = performance.now()
  const response = await fetch(`${server.url}/api/graphql`, {
    body: JSON.stringify({ query }),
    headers: { 'Content-Type': 'application/json' },
    method: 'POST',
  })
  const body = await response.json()
  return { body, ms: performance.now() - started, status: response.status }
}

const messages = ({ body }: Answer) => (body.errors ?? []).map(({ message }) => message).join('\n')

const NESTED =
  'Articles(limit: 100) { docs { title content authors { name articles { docs { id title } } } tags { name } comments { docs { body } } } }'

beforeAll(async () => {
  server = await startProductionServer({ PAYLOAD_SECRET: 'graphql-limits-test-secret' })
  await waitUntilServing(server)
  // The first GraphQL request builds the schema: not part of what is timed below.
  expect((await post('{ Articles(limit: 1) { docs { id } } }')).status).toBe(200)
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

describe('GraphQL limits, anonymous, against next start', () => {
  it('refuses 400 aliased lookups with a 400 naming the limits, at once (it took 11.8 s and stalled the server)', async () => {
    const aliases = Array.from({ length: 400 }, (_, i) => `a${i}: Article(id: ${i + 1}) { title }`).join(' ')
    const answer = await post(`{ ${aliases} }`)
    expect(answer.status, messages(answer)).toBe(400)
    expect(answer.body.data).toBeUndefined()
    expect(messages(answer)).toMatch(/400 root fields; the limit is 20/)
    expect(answer.ms).toBeLessThan(2000)
  })

  it('refuses the nested query aliased four times with a 400 giving its cost and the limit (it took 11 s and 1 GB)', async () => {
    const answer = await post(`{ ${[0, 1, 2, 3].map((i) => `n${i}: ${NESTED}`).join(' ')} }`)
    expect(answer.status, messages(answer)).toBe(400)
    expect(answer.body.data).toBeUndefined()
    expect(messages(answer)).toMatch(/would cost 1,351,640, and the limit for public requests is 400/)
    expect(answer.ms).toBeLessThan(2000)
  })

  it('still answers the frontend’s list query', async () => {
    const answer = await post('{ Articles(limit: 10, sort: "-publishedAt") { docs { id title authors { name } tags { name } } } }')
    expect(answer.status, messages(answer)).toBe(200)
    expect(answer.body.errors).toBeUndefined()
  })

  it('suggests no field name in production', async () => {
    const answer = await post('{ Articles { docs { titel } } }')
    expect(answer.status).toBe(400)
    expect(messages(answer)).toMatch(/Cannot query field "titel" on type "Article"\.$/)
  })
})
