import { describe, expect, it } from 'vitest'

import type { Tag } from '@/payload-types'

import { graphql, rest } from '../helpers/http'
import { useStaffPayload } from '../helpers/staff'

const { ctx, staff } = useStaffPayload()

const create = (name: string, internal = false): Promise<Tag> =>
  ctx.payload.create({ collection: 'tags', data: { internal, name }, overrideAccess: false, user: staff.editor.user })

const storedTitle = async (id: number): Promise<null | string | undefined> =>
  (await ctx.payload.findByID({ collection: 'tags', depth: 0, id })).adminTitle

// The admin's pickers and chips show a document's title only: an internal tag says so there.
describe('a tag\'s admin title', () => {
  it('is the name, marked "(internal)" for an internal tag, and follows renames and the internal switch', async () => {
    const internal = await create('Desk rota', true)
    const open = await create('Harbour')
    expect([internal.adminTitle, open.adminTitle]).toEqual(['Desk rota (internal)', 'Harbour'])

    await rest('PATCH', `/tags/${internal.id}`, { body: { name: 'Night desk rota' }, token: staff.editor.token })
    expect(await storedTitle(internal.id)).toBe('Night desk rota (internal)')
    await rest('PATCH', `/tags/${internal.id}`, { body: { internal: false }, token: staff.editor.token })
    expect(await storedTitle(internal.id)).toBe('Night desk rota')
    await ctx.payload.update({ collection: 'tags', data: { internal: true }, id: open.id, overrideAccess: false, user: staff.admin.user })
    expect(await storedTitle(open.id)).toBe('Harbour (internal)')
  })

  it('cannot be written by anyone: a sent value is dropped on every surface', async () => {
    const tag = await create('Ferries')
    const { status } = await rest('PATCH', `/tags/${tag.id}`, { body: { adminTitle: 'Forged' }, token: staff.admin.token })
    expect(status).toBe(200)
    expect(await storedTitle(tag.id)).toBe('Ferries')
    const created = await rest<{ doc: Tag }>('POST', '/tags', { body: { adminTitle: 'Forged', name: 'Ports' }, token: staff.editor.token })
    expect(created.body.doc.adminTitle).toBe('Ports')
    await graphql(`mutation { updateTag(id: ${tag.id}, data: { name: "Ferries" }) { id } }`, {}, staff.editor.token)
    expect(await storedTitle(tag.id)).toBe('Ferries')
  })

  it('is what the admin\'s tag picker searches and lists, for staff only', async () => {
    await create('Weather desk', true)
    // The picker's request: the title field selected, searched with `like`.
    const picker = await rest<{ docs: Tag[] }>('GET', '/tags?select[adminTitle]=true&where[adminTitle][like]=weather desk&depth=0', { token: staff.contributor.token })
    expect(picker.body.docs.map(({ adminTitle }) => adminTitle)).toContain('Weather desk (internal)')
    const open = await create('Weather')
    const anonymous = await rest<Tag>('GET', `/tags/${open.id}?depth=0`)
    expect(anonymous.status).toBe(200)
    expect(anonymous.body).not.toHaveProperty('adminTitle')
    const local = await ctx.payload.findByID({ collection: 'tags', id: open.id, overrideAccess: false })
    expect(local).not.toHaveProperty('adminTitle')
  })
})
