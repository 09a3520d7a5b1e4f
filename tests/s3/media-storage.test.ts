import { execFile } from 'child_process'
import { createHash } from 'crypto'
import fs from 'fs/promises'
import path from 'path'
import sharp from 'sharp'
import { promisify } from 'util'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Media } from '@/payload-types'

import { rest, send } from '../helpers/http'
import { useS3Server } from '../helpers/s3Server'
import { useStaffPayload } from '../helpers/staff'

const root = path.resolve(__dirname, '../..')
// First: Payload reads the S3_* variables this sets when it boots.
const s3 = useS3Server()
const { ctx, staff } = useStaffPayload()

/** Names from this run: the local media/ folder is the project's own, shared with other test files. */
const prefix = `s3-storage-${process.pid}-${Date.now()}`
let photo: Buffer
let uploaded: Media

const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex')

const objectBytes = async (key: string) => {
  const object = await s3.client.getObject({ Bucket: s3.bucket, Key: key })
  return { bytes: Buffer.from(await object.Body!.transformToByteArray()), contentType: object.ContentType }
}

const serve = (name: string, headers: Record<string, string> = {}): Promise<Response> =>
  send(new Request(`http://localhost:3000/api/media/file/${encodeURIComponent(name)}`, { headers }))

const localFiles = async (): Promise<string[]> => {
  const staticDir = ctx.payload.collections.media.config.upload.staticDir!
  const files = await fs.readdir(staticDir).catch(() => [])
  return files.filter((file) => file.startsWith(prefix))
}

/** Every file of a media document: the original and each image size made from it. */
const filenamesOf = (doc: Media): string[] =>
  [doc.filename!, ...Object.values(doc.sizes ?? {}).flatMap((size) => (size?.filename ? [size.filename] : []))].sort()

beforeAll(async () => {
  // Large enough for the thumbnail and card sizes to be made.
  photo = await sharp({ create: { background: '#2a6', channels: 3, height: 600, width: 900 } }).png().toBuffer()
})

describe('media on S3-compatible storage', () => {
  it('stores an editor\'s REST upload, and the sizes made from it, in the bucket and not in media/', async () => {
    const form = new FormData()
    // Sent as a page: the project's upload rules still name the stored file after its content.
    form.append('file', new Blob([new Uint8Array(photo)], { type: 'text/html' }), `${prefix}-harbour.html`)
    form.append('_payload', JSON.stringify({ alt: 'The harbour at dawn' }))
    const { body, status } = await rest<{ doc: Media }>('POST', '/media', { rawBody: form, token: staff.editor.token })
    expect(status, JSON.stringify(body)).toBe(201)
    uploaded = body.doc
    expect(uploaded).toMatchObject({ filename: `${prefix}-harbour.png`, mimeType: 'image/png' })
    // Served by Payload, behind the collection's access control: no URL into the bucket is handed out.
    expect(uploaded.url).toBe(`${ctx.config.serverURL}/api/media/file/${prefix}-harbour.png`)

    const files = filenamesOf(uploaded)
    expect(files.length).toBeGreaterThan(1)
    expect(await s3.keys()).toEqual(files)
    expect(await objectBytes(uploaded.filename!)).toEqual({ bytes: photo, contentType: 'image/png' })
    for (const name of files) expect((await objectBytes(name)).contentType).toBe('image/png')
    expect(await localFiles()).toEqual([])
  })

  it('serves each stored file back byte for byte through /api/media/file/<name>, with its content type', async () => {
    for (const name of filenamesOf(uploaded)) {
      const response = await serve(name)
      expect(response.status, name).toBe(200)
      expect(response.headers.get('content-type'), name).toBe('image/png')
      expect(Buffer.from(await response.arrayBuffer()), name).toEqual((await objectBytes(name)).bytes)
    }
    expect((await serve(`${prefix}-missing.png`)).status).toBe(404)
  })

  it('answers a browser as the local folder does: CORS for allowed origins, ranges and revalidation', async () => {
    const name = uploaded.filename!
    const full = await serve(name, { Origin: 'http://localhost:3000' })
    expect(full.headers.get('access-control-allow-origin')).toBe('http://localhost:3000')
    expect(full.headers.get('vary')?.split(/,\s*/)).toContain('Origin')
    expect(full.headers.get('content-length')).toBe(String(photo.length))
    expect(full.headers.get('accept-ranges')).toBe('bytes')
    const tag = full.headers.get('etag')
    expect(tag).toMatch(/^"[0-9a-f]{32}"$/)

    const part = await serve(name, { Range: 'bytes=0-15' })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe(`bytes 0-15/${photo.length}`)
    expect(Buffer.from(await part.arrayBuffer())).toEqual(photo.subarray(0, 16))

    expect((await serve(name, { 'If-None-Match': tag! })).status).toBe(304)
  })

  // Twice a clean CI run saw the second instance end in seconds with no output at all, the mark of a
  // module import lost while loading (see runScript); it now starts again by itself. Retried once, and
  // any failure prints its exit code, signal and log.
  it('lets a second instance on the same database and bucket serve what the first stored', { retry: 1, timeout: 150_000 }, async () => {
    // A process of its own: no module, client or cache shared with this one, only the database and the bucket.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, 'secondInstance.ts'), uploaded.filename!],
      { cwd: root, env: { ...process.env, DATABASE_URL: `file:${ctx.databaseFile}` }, maxBuffer: 16 * 1024 * 1024, timeout: 120_000 },
    ).catch((error: { code?: number; message: string; signal?: string; stdout?: string }) => {
      // Payload logs to stdout: without it, a failed start says only "Command failed".
      throw new Error(`${error.message}\nexit code ${error.code}, signal ${error.signal}\n${error.stdout ?? ''}`)
    })
    const answer = JSON.parse(stdout.trim().split('\n').at(-1)!)
    expect(answer).toEqual({ contentType: 'image/png', sha256: sha256(photo), status: 200 })
  })

  it('replaces the objects of a media document whose file an editor replaces', async () => {
    const before = filenamesOf(uploaded)
    const replacement = await sharp({ create: { background: '#a62', channels: 3, height: 500, width: 800 } }).jpeg().toBuffer()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(replacement)], { type: 'image/jpeg' }), `${prefix}-quay.jpg`)
    const { body, status } = await rest<{ doc: Media }>('PATCH', `/media/${uploaded.id}`, { rawBody: form, token: staff.editor.token })
    expect(status, JSON.stringify(body)).toBe(200)
    uploaded = body.doc
    expect(uploaded.filename).toBe(`${prefix}-quay.jpg`)
    expect(await s3.keys()).toEqual(filenamesOf(uploaded))
    expect(before.filter((name) => filenamesOf(uploaded).includes(name))).toEqual([])
    expect((await objectBytes(uploaded.filename!)).bytes).toEqual(replacement)
  })

  it('deletes every object of a media document when an editor deletes it', async () => {
    const { status } = await rest('DELETE', `/media/${uploaded.id}`, { token: staff.editor.token })
    expect(status).toBe(200)
    expect(await s3.keys()).toEqual([])
    expect((await serve(uploaded.filename!)).status).toBe(404)
  })
})
