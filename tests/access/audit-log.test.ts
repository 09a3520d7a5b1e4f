import { beforeAll, expect } from 'vitest'

import type { AuditLog } from '@/payload-types'

import type { Actor, Answer, Surface } from './surfaces'

import { expectCreates, expectDeletes, expectReads, expectUpdates, label, stored } from './expectations'
import { describeMatrix, useAccessSuite } from './suite'

const suite = useAccessSuite()

/** An entry about content (a tag) and one about an account (a role change), written by the hooks. */
let entries: { account: AuditLog; content: AuditLog }

beforeAll(async () => {
  const payload = suite.payload()
  const { admin, author, editor } = suite.staff()
  const tag = await payload.create({ collection: 'tags', data: { name: 'Audited tag' }, overrideAccess: false, user: editor.user })
  await payload.update({ id: author.user.id, collection: 'users', data: { name: 'Renamed author' }, overrideAccess: false, user: admin.user })
  const first = async (collection: string, documentID: number) =>
    (
      await payload.find({
        collection: 'audit-log',
        depth: 0,
        limit: 1,
        overrideAccess: true,
        where: { collection: { equals: collection }, documentID: { equals: String(documentID) } },
      })
    ).docs[0]
  entries = { account: await first('users', author.user.id), content: await first('tags', tag.id) }
})

/** GraphQL has no audit-log mutations at all: the operation is refused before anything runs. */
const expectNoMutation = async (answer: Promise<Answer<unknown>>, surface: Surface, actor: Actor, name: string) => {
  const settled = await answer
  expect(settled.ok, `${label(surface, actor, name)}: refused`).toBe(false)
  if (!settled.ok) expect(settled.message).toMatch(/Cannot query field|Unknown type|cannot be used as an input type/)
}

const data = { action: 'delete', collection: 'articles', documentID: '1', documentTitle: 'Forged' } as const

describeMatrix('audit-log', suite, {
  create: async ({ actor, surface }) => {
    const payload = suite.payload()
    if (surface.name !== 'GraphQL') {
      return expectCreates({ actor, collection: 'audit-log', payload, surface }, [{ allowed: false, data, name: 'forged entry' }])
    }
    const before = (await payload.count({ collection: 'audit-log', overrideAccess: true })).totalDocs
    await expectNoMutation(surface.create('audit-log', actor, data), surface, actor, 'forged entry')
    expect((await payload.count({ collection: 'audit-log', overrideAccess: true })).totalDocs).toBe(before)
  },
  delete: async ({ actor, surface }) => {
    const payload = suite.payload()
    if (surface.name !== 'GraphQL') {
      return expectDeletes({ actor, collection: 'audit-log', payload, surface }, [
        { allowed: false, id: entries.content.id, name: 'content entry' },
        { allowed: false, id: entries.account.id, name: 'account entry' },
      ])
    }
    await expectNoMutation(surface.delete('audit-log', actor, entries.content.id), surface, actor, 'content entry')
    expect(await stored(payload, 'audit-log', entries.content.id)).toEqual(entries.content)
  },
  read: ({ actor, outcome, surface }) => {
    const ids = [entries.content.id, entries.account.id]
    return expectReads(
      { actor, collection: 'audit-log', payload: suite.payload(), surface },
      outcome === 'none'
        ? { refused: ids }
        : outcome === 'content'
          ? { readable: [entries.content.id], unreadable: [entries.account.id] }
          : { readable: ids, unreadable: [] },
    )
  },
  update: async ({ actor, surface }) => {
    const payload = suite.payload()
    const forged = { detail: 'rewritten', documentTitle: 'Rewritten' }
    if (surface.name !== 'GraphQL') {
      return expectUpdates({ actor, collection: 'audit-log', payload, surface }, [
        { data: forged, expect: 'refused', id: entries.content.id, name: 'content entry' },
        { data: forged, expect: 'refused', id: entries.account.id, name: 'account entry' },
      ])
    }
    await expectNoMutation(surface.update('audit-log', actor, entries.content.id, forged), surface, actor, 'content entry')
    expect(await stored(payload, 'audit-log', entries.content.id)).toEqual(entries.content)
  },
})
