import sharp from 'sharp'
import { afterAll, beforeAll } from 'vitest'

import type { Media } from '@/payload-types'

import type { MatrixRole, Outcome, StaffRole } from './matrix'
import type { Upload } from './surfaces'

import { expectCreates, expectDeletes, expectReads, expectUpdates } from './expectations'
import { roles, someoneElse } from './matrix'
import { describeMatrix, slugOf, toSlug, useAccessSuite } from './suite'

const suite = useAccessSuite()

type Kind = 'others' | 'own'
/** Which update and delete outcomes reach an upload of each kind. */
const writableBy: Record<Kind, Outcome<'media', 'delete' | 'update'>[]> = {
  others: ['all'],
  own: ['own', 'all'],
}

let png: Buffer
const file = (name: string): Upload => ({ name: `${name}.png`, data: png, mimetype: 'image/png', size: png.length })

/** One upload by each staff role, for the read tests. */
const uploadedBy = {} as Record<StaffRole, Media>
/** Fresh uploads per surface and role, so every write lands on a document no other test touches. */
const forWrites = new Map<string, Record<'delete' | 'update', Partial<Record<Kind, Media>>>>()

beforeAll(async () => {
  const payload = suite.payload()
  const staff = suite.staff()
  png = await sharp({ create: { background: '#f00', channels: 3, height: 4, width: 4 } }).png().toBuffer()
  const upload = (owner: StaffRole, alt: string) =>
    payload.create({
      collection: 'media',
      data: { alt },
      depth: 0,
      file: file(toSlug(`access ${alt}`)),
      overrideAccess: false,
      user: staff[owner].user,
    })
  const uploads = async (role: MatrixRole, label: string): Promise<Partial<Record<Kind, Media>>> => ({
    others: await upload(someoneElse[role], `Others ${label}`),
    ...(role === 'anonymous' ? {} : { own: await upload(role, `Own ${label}`) }),
  })
  for (const role of ['contributor', 'author', 'editor', 'admin'] as const) {
    uploadedBy[role] = await upload(role, `Uploaded by ${role}`)
  }
  for (const surface of suite.surfaces) {
    for (const role of roles) {
      const key = suite.key(surface, role)
      forWrites.set(key, { delete: await uploads(role, `${key} delete`), update: await uploads(role, `${key} update`) })
    }
  }
})

// The upload directory is the project's own `media/`: leave nothing behind in it.
afterAll(async () => {
  await suite.payload().delete({ collection: 'media', overrideAccess: true, where: { id: { exists: true } } })
})

const entries = (record: Partial<Record<Kind, Media>>) => Object.entries(record) as [Kind, Media][]

describeMatrix('media', suite, {
  create: ({ actor, outcome, role, surface }) => {
    const alt = `Uploaded by ${role} over ${surface.name}`
    return expectCreates({ actor, collection: 'media', payload: suite.payload(), surface }, [
      {
        allowed: outcome === 'any',
        data: { alt },
        file: file(slugOf(role, surface, 'access upload')),
        name: 'image',
        stored: { alt, createdBy: actor.user?.id, mimeType: 'image/png' },
      },
    ])
  },
  delete: ({ actor, outcome, role, surface }) =>
    expectDeletes(
      { actor, collection: 'media', payload: suite.payload(), surface },
      entries(forWrites.get(suite.key(surface, role))!.delete).map(([kind, { id }]) => ({
        allowed: writableBy[kind].includes(outcome),
        id,
        name: `${kind} upload`,
      })),
    ),
  read: ({ actor, hidden, role, surface }) => {
    const probe = uploadedBy[role === 'anonymous' ? 'contributor' : role]
    return expectReads(
      { actor, collection: 'media', payload: suite.payload(), surface },
      {
        probe: { fields: { createdBy: probe.createdBy }, hidden, id: probe.id },
        readable: Object.values(uploadedBy).map(({ id }) => id),
        unreadable: [],
      },
    )
  },
  update: ({ actor, outcome, role, surface }) =>
    expectUpdates(
      { actor, collection: 'media', payload: suite.payload(), surface },
      entries(forWrites.get(suite.key(surface, role))!.update).map(([kind, { id }]) => ({
        data: { alt: `Described by ${role} over ${surface.name}` },
        expect: writableBy[kind].includes(outcome) ? ('allowed' as const) : ('refused' as const),
        id,
        name: `${kind} upload`,
      })),
    ),
})
