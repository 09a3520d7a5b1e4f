import { describe, expect, it } from 'vitest'

import { DESK_LIST_SORT } from '@collections/Users/hooks/openDeskListByActivity'

import { rest } from '../helpers/http'
import { useStaffPayload } from '../helpers/staff'

const { ctx, staff } = useStaffPayload()

const listPreferenceOf = async (userID: number) =>
  (
    await ctx.payload.find({
      collection: 'payload-preferences',
      where: { and: [{ key: { equals: 'collection-articles' } }, { 'user.value': { equals: userID } }] },
    })
  ).docs

// Under the collection's -publishedAt, drafts (no publication date) sink to the last page on SQLite.
describe('the stories list an account opens on the desk', () => {
  it('starts sorted by the latest edit for a new account, made over REST or the Local API', async () => {
    expect(DESK_LIST_SORT).toBe('-updatedAt')
    const { body, status } = await rest('POST', '/users', {
      body: { email: 'desk-sort@newsroom.test', name: 'Desk Sort', password: 'desk-sort-password-2026', role: 'contributor' },
      token: staff.admin.token,
    })
    expect(status).toBe(201)
    const overREST = await listPreferenceOf(body.doc.id)
    expect(overREST.map(({ value }) => value)).toEqual([{ sort: '-updatedAt' }])
    const local = await ctx.payload.create({
      collection: 'users',
      data: { email: 'desk-sort-local@newsroom.test', name: 'Desk Sort Local', password: 'desk-sort-password-2026', role: 'author' },
    })
    expect((await listPreferenceOf(local.id)).map(({ value }) => value)).toEqual([{ sort: '-updatedAt' }])
  })

  it('is left alone when an account changes, so a sort the person chose stays', async () => {
    const account = await ctx.payload.create({
      collection: 'users',
      data: { email: 'desk-sort-kept@newsroom.test', name: 'Desk Sort Kept', password: 'desk-sort-password-2026', role: 'author' },
    })
    const [preference] = await listPreferenceOf(account.id)
    await ctx.payload.db.updateOne({ collection: 'payload-preferences', data: { value: { sort: 'title' } }, id: preference.id })
    await ctx.payload.update({ collection: 'users', data: { name: 'Desk Sort Renamed' }, id: account.id })
    expect((await listPreferenceOf(account.id)).map(({ value }) => value)).toEqual([{ sort: 'title' }])
  })
})
