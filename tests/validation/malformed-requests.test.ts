import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'

import { send } from '../helpers/http'
import { useStaffPayload } from '../helpers/staff'
import { hostileRequests, toRequest } from './hostileRequests'

const { ctx, staff } = useStaffPayload()

beforeAll(async () => {
  const author = await ctx.payload.create({ collection: 'authors', data: { name: 'Fixture Author' } })
  const article = await ctx.payload.create({
    collection: 'articles',
    data: { _status: 'published', authors: [author.id], commentsEnabled: true, title: 'Fixture story' },
  })
  expect(article.id).toBe(1)
})

describe('hostile and malformed REST and GraphQL requests', () => {
  it.each(hostileRequests)('answer $name with $status', async (row) => {
    const response = await send(await toRequest(row, 'http://localhost:3000', staff.editor.token)).catch(
      // Next.js answers a route handler that throws with a bare 500, so a throw counts as one.
      (error: Error) => new Response(`thrown: ${error.message}`, { status: 500 }),
    )
    const text = await response.text()
    expect({ status: response.status, text: text.slice(0, 400) }).toEqual({ status: row.status, text: expect.stringMatching(row.message) })
  })
})

describe('body limits for uploads', () => {
  it('takes a 3 MB image from staff on media (the upload limit), and refuses it as a JSON body (the staff limit)', async () => {
    const noise = { channels: 3 as const, height: 1100, noise: { mean: 128, sigma: 60, type: 'gaussian' as const }, width: 1100 }
    const png = await sharp({ create: { ...noise, background: '#000' } }).png({ compressionLevel: 0 }).toBuffer()
    expect(png.byteLength).toBeGreaterThan(3 * 1024 * 1024)
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), `body-limits-${process.pid}.png`)
    form.append('_payload', JSON.stringify({ alt: 'Noise' }))
    const headers = { Authorization: `JWT ${staff.editor.token}` }
    const uploaded = await send(new Request('http://localhost:3000/api/media', { body: form, headers, method: 'POST' }))
    const created = await uploaded.json()
    expect(uploaded.status, JSON.stringify(created)).toBe(201)
    await ctx.payload.delete({ collection: 'media', id: created.doc.id })

    const asJSON = await send(
      new Request('http://localhost:3000/api/articles', {
        body: JSON.stringify({ padding: png.toString('base64'), title: 'Image as text' }),
        headers: { ...headers, 'Content-Type': 'application/json' },
        method: 'POST',
      }),
    )
    expect({ status: asJSON.status, text: await asJSON.text() }).toEqual({ status: 413, text: expect.stringMatching(/2 ?MB.*BODY_LIMIT_STAFF/) })
  })
})

