import fs from 'fs/promises'
import path from 'path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Media } from '@/payload-types'

import { refuseMisnamedFiles } from '@collections/Media/hooks/refuseMisnamedFiles'
import { setExtensionFromContent } from '@collections/Media/hooks/setExtensionFromContent'

import { rest } from '../helpers/http'
import { type Staff, useStaffPayload } from '../helpers/staff'

const { ctx, staff } = useStaffPayload()

let staticDir: string
let png: Buffer
let jpeg: Buffer
/** Upload names from this run: the media folder is the project's own, shared with other test files. */
const prefix = `stored-extension-${process.pid}-${Date.now()}`

const uploadForm = (name: string, type: string, data: Buffer): FormData => {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(data)], { type }), name)
  form.append('_payload', JSON.stringify({ alt: `Uploaded as ${name}` }))
  return form
}

/** An upload through the Local API on behalf of a staff account, with that account's access checked. */
const uploadAs = (role: keyof Staff, alt: string, file: { data: Buffer; mimetype: string; name: string }) =>
  ctx.payload.create({
    collection: 'media',
    data: { alt },
    file: { ...file, size: file.data.length },
    overrideAccess: false,
    user: staff[role].user,
  })

const storedFiles = async (): Promise<string[]> => (await fs.readdir(staticDir)).filter((file) => file.startsWith(prefix)).sort()

beforeAll(async () => {
  staticDir = ctx.payload.collections.media.config.upload.staticDir!
  png = await sharp({ create: { background: '#36c', channels: 3, height: 8, width: 8 } }).png().toBuffer()
  jpeg = await sharp({ create: { background: '#c63', channels: 3, height: 8, width: 8 } }).jpeg().toBuffer()
})

afterAll(async () => {
  // Absent when the boot failed.
  await ctx.payload?.delete({ collection: 'media', where: { filename: { like: prefix } } })
  expect(await storedFiles()).toEqual([])
})

describe('media', () => {
  it('names the files of every upload collection after their content', () => {
    const uploads = ctx.config.collections.filter(({ upload }) => upload)
    expect(uploads.map(({ slug }) => slug)).toContain('media')
    for (const { hooks, slug } of uploads) {
      expect(hooks.beforeOperation, slug).toContain(setExtensionFromContent)
      expect(hooks.beforeValidate, slug).toContain(refuseMisnamedFiles)
    }
  })

  it('stores a PNG uploaded as .html by a contributor over REST as .png, and serves it as image/png', async () => {
    const { body, status } = await rest<{ doc: Media }>('POST', '/media', {
      rawBody: uploadForm(`${prefix}-page.html`, 'text/html', png),
      token: staff.contributor.token,
    })
    expect(status, JSON.stringify(body)).toBe(201)
    expect(body.doc).toMatchObject({ filename: `${prefix}-page.png`, mimeType: 'image/png' })
    for (const size of Object.values(body.doc.sizes ?? {})) if (size?.filename) expect(size.filename).toMatch(/\.png$/)
    const onDisk = await storedFiles()
    expect(onDisk).toContain(`${prefix}-page.png`)
    expect(onDisk.filter((file) => file.endsWith('.html'))).toEqual([])
    expect(await fs.readFile(path.join(staticDir, `${prefix}-page.png`))).toEqual(png)

    const file = await rest('GET', `/media/file/${prefix}-page.png`, { headers: { Origin: 'http://localhost:3000' } })
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('image/png')
    // Payload echoes an allowed Origin in Access-Control-Allow-Origin: shared caches must key on it.
    expect(file.headers.get('access-control-allow-origin')).toBe('http://localhost:3000')
    expect(file.headers.get('vary')?.split(/,\s*/)).toContain('Origin')
  })

  it('stores a JPEG named .png by an editor through the Local API as .jpg', async () => {
    const doc = await uploadAs('editor', 'A JPEG in disguise', { data: jpeg, mimetype: 'image/png', name: `${prefix}-photo.png` })
    expect(doc).toMatchObject({ filename: `${prefix}-photo.jpg`, mimeType: 'image/jpeg' })
    for (const size of Object.values(doc.sizes ?? {})) if (size?.filename) expect(size.filename).toMatch(/\.jpg$/)
    expect(await storedFiles()).not.toContain(`${prefix}-photo.png`)
  })

  it('keeps a name whose extension already fits, .jpeg included, and adds one to a name without', async () => {
    const create = (name: string, data: Buffer) => uploadAs('author', name, { data, mimetype: 'application/octet-stream', name })
    expect((await create(`${prefix}-fits.PNG`, png)).filename).toBe(`${prefix}-fits.PNG`)
    expect((await create(`${prefix}-fits.jpeg`, jpeg)).filename).toBe(`${prefix}-fits.jpeg`)
    expect((await create(`${prefix}-bare`, png)).filename).toBe(`${prefix}-bare.png`)
  })

  it('renames a replacement file on update too', async () => {
    const doc = await uploadAs('editor', 'To be replaced', { data: png, mimetype: 'image/png', name: `${prefix}-first.png` })
    const form = uploadForm(`${prefix}-second.html`, 'text/html', jpeg)
    const { body, status } = await rest<{ doc: Media }>('PATCH', `/media/${doc.id}`, { rawBody: form, token: staff.editor.token })
    expect(status, JSON.stringify(body)).toBe(200)
    expect(body.doc.filename).toBe(`${prefix}-second.jpg`)
  })

  it('refuses a new file it cannot rename whose name does not fit its content (a copy of a misnamed upload)', async () => {
    // Stored before this check existed: straight to the database and the media folder.
    const legacy = `${prefix}-legacy.html`
    await fs.writeFile(path.join(staticDir, legacy), png)
    const stored = await ctx.payload.db.create({
      collection: 'media',
      data: { alt: 'Legacy', filename: legacy, filesize: png.length, height: 8, mimeType: 'image/png', width: 8 },
    })
    const copy = ctx.payload.duplicate({ collection: 'media', id: stored.id, overrideAccess: false, user: staff.editor.user })
    await expect(copy).rejects.toMatchObject({ data: { errors: [expect.objectContaining({ path: 'filename' })] } })
    expect((await storedFiles()).filter((file) => file.includes('-legacy'))).toEqual([legacy])
    // Other edits of the stored document still pass: only a new file is checked.
    const edited = await ctx.payload.update({ collection: 'media', data: { alt: 'Legacy, described' }, id: stored.id, overrideAccess: false, user: staff.editor.user })
    expect(edited.filename).toBe(legacy)
  })
})
