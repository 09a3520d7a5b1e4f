import type { SanitizedConfig } from 'payload'

import fs from 'fs/promises'
import os from 'os'
import path from 'path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { publicReadsCoverage } from '@plugins/public-reads'

import { checkPolicy } from '../helpers/publicReadPolicy'
import { bootScratch, type ScratchContext, type ScratchDoc } from './scratchConfig'

/** The project's built (sanitized) config; no database is opened for it. */
const loadProjectConfig = async (): Promise<SanitizedConfig> => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-config-'))
  process.env.DATABASE_URL = `file:${path.join(dir, 'unused.db')}`
  process.env.PAYLOAD_SECRET ??= 'newsroom-test-secret'
  const { default: config } = await import('@payload-config')
  return config
}

const coverageOf = (config: SanitizedConfig, slug: string) => {
  const coverage = publicReadsCoverage(config.collections.find((collection) => collection.slug === slug)!)
  return { ...coverage, guarded: [...coverage.guarded].sort(), hidden: [...coverage.hidden].sort() }
}

describe('public-reads: the project config', () => {
  let config: SanitizedConfig
  beforeAll(async () => {
    config = await loadProjectConfig()
  })

  it('clamps every collection and guards and hides every relation to a target strangers may not read in full', async () => {
    const { leftToFieldHooks, problems } = await checkPolicy(config, { signals: true })
    expect(problems).toEqual([])
    // The read-more plugin drops links to unreadable documents in its own field hook (tests/read-more/curated.test.ts).
    expect(leftToFieldHooks).toEqual(['articles.readMore.doc'])
  })

  it('covers the relations once listed by hand, and none to public bylines or images', () => {
    expect(coverageOf(config, 'articles')).toMatchObject({
      clamped: true,
      guarded: ['comments', 'createdBy', 'readMore.doc', 'tags', 'updatedBy'],
      hidden: ['createdBy', 'tags', 'updatedBy'],
      signalled: true,
    })
    expect(coverageOf(config, 'comments')).toMatchObject({ guarded: ['article', 'parent'], hidden: ['article', 'parent'] })
    expect(coverageOf(config, 'tags')).toMatchObject({ guarded: ['articles'], hidden: [] })
    expect(coverageOf(config, 'authors')).toMatchObject({ guarded: ['articles', 'user'], hidden: ['user'] })
    expect(coverageOf(config, 'media')).toMatchObject({ clamped: true, guarded: ['createdBy'], signalled: true })
    // Nobody outside the staff reads accounts: nothing of theirs reaches a public page.
    expect(coverageOf(config, 'users')).toMatchObject({ clamped: true, guarded: [], hidden: [], signalled: false })
  })
})

describe('public-reads: a config it has never seen', () => {
  let ctx: ScratchContext
  let member: ScratchDoc
  let secret: ScratchDoc
  let released: ScratchDoc
  let other: ScratchDoc
  let note: ScratchDoc

  beforeAll(async () => {
    ctx = await bootScratch()
    const { local } = ctx
    member = await local.create({ collection: 'members', data: { name: 'Member', email: 'member@scratch.test', password: 'scratch-password' } })
    secret = await local.create({ collection: 'dossiers', data: { title: 'SECRET', released: false } })
    released = await local.create({ collection: 'dossiers', data: { title: 'Released', released: true } })
    other = await local.create({ collection: 'notes', data: { title: 'Other' } })
    note = await local.create({
      collection: 'notes',
      data: {
        title: 'Note',
        owner: member.id,
        meta: { source: secret.id },
        links: [
          { target: { relationTo: 'dossiers', value: secret.id } },
          { target: { relationTo: 'dossiers', value: released.id } },
          { target: { relationTo: 'notes', value: other.id } },
        ],
        extra: { cited: [secret.id, released.id] },
        sibling: other.id,
      },
    })
    for (const dossier of [secret, released]) {
      await ctx.payload.update({ collection: 'dossiers' as never, id: dossier.id, data: { note: note.id } as never })
    }
  })
  afterAll(async () => ctx?.shutdown())

  it('attaches the hooks to exactly the relations to private targets, at any depth', async () => {
    expect(coverageOf(ctx.config, 'notes')).toEqual({
      clamped: true,
      guarded: ['dossiers', 'extra.cited', 'links.target', 'meta.source', 'owner'],
      hidden: ['extra.cited', 'links.target', 'meta.source', 'owner'],
      signalled: true,
    })
    expect(coverageOf(ctx.config, 'dossiers')).toEqual({ clamped: true, guarded: [], hidden: [], signalled: true })
    expect(coverageOf(ctx.config, 'members')).toEqual({ clamped: true, guarded: [], hidden: [], signalled: false })
    expect(await checkPolicy(ctx.config, { signals: true })).toEqual({ leftToFieldHooks: [], problems: [] })
  })

  it('keeps every private id out of an anonymous read, at every depth', async () => {
    for (const depth of [0, 1, 2]) {
      const read = await ctx.local.findByID({ collection: 'notes', depth, id: note.id, overrideAccess: false })
      const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id: unknown }).id : value)
      expect(read.owner ?? null, `depth ${depth}`).toBeNull()
      expect(read.meta?.source ?? null, `depth ${depth}`).toBeNull()
      expect(read.extra.cited.map(idOf), `depth ${depth}`).toEqual([released.id])
      expect(
        read.links.map(({ target }: { target: null | { relationTo: string; value: unknown } }) => target && `${target.relationTo}:${idOf(target.value)}`),
        `depth ${depth}`,
      ).toEqual([null, `dossiers:${released.id}`, `notes:${other.id}`])
      expect(idOf(read.sibling), `depth ${depth}`).toBe(other.id)
      expect(read.dossiers.docs.map(idOf), `depth ${depth}`).toEqual([released.id])
    }
    const list = await ctx.local.find({ collection: 'notes', depth: 0, overrideAccess: false, where: { id: { equals: note.id } } })
    expect(list.docs[0].owner ?? null).toBeNull()
  })

  it('leaves a signed-in reader the ids their own access lets them read', async () => {
    const read = await ctx.local.findByID({ collection: 'notes', depth: 0, id: note.id, overrideAccess: false, user: { ...member, collection: 'members' } })
    expect(read.owner).toBe(member.id)
    expect(read.meta.source).toBe(secret.id)
    expect(read.extra.cited).toEqual([secret.id, released.id])
  })

  it('answers a stranger filtering by a private id as if the document did not exist', async () => {
    // Payload itself refuses (400) some filters on a join for strangers: refused tells as little as empty.
    const matches = async (where: Record<string, unknown>, overrideAccess = false) =>
      ctx.local.find({ collection: 'notes', depth: 0, overrideAccess, where }).then(
        ({ totalDocs }) => totalDocs,
        (error: { status?: number }) => (error.status === 400 ? 'refused' : Promise.reject(error)),
      )
    const hidden = [
      { owner: { equals: member.id } },
      { 'meta.source': { equals: secret.id } },
      { 'extra.cited': { in: [secret.id] } },
      { 'links.target.value': { equals: secret.id } },
      { dossiers: { equals: secret.id } },
    ]
    const labels = hidden.map((where) => JSON.stringify(where))
    const outcomes = []
    // A copy per call: Payload rewrites a `where` it is given in place.
    for (const label of labels) {
      const found = await matches(JSON.parse(label))
      outcomes.push([label, await matches(JSON.parse(label), true), found === 0 || found === 'refused' ? 'nothing' : found])
    }
    expect(outcomes).toEqual(labels.map((label) => [label, 1, 'nothing']))
    expect(await matches({ 'extra.cited': { in: [released.id] } })).toBe(1)
    const counted = async (where: Record<string, unknown>) => (await ctx.local.count({ collection: 'notes', overrideAccess: false, where })).totalDocs
    expect(await counted({ 'meta.source': { exists: true } })).toBe(1)
    expect(await counted({ 'meta.source': { equals: secret.id } })).toBe(0)
  })

  it('clamps a stranger\'s list, not a trusted reader\'s', async () => {
    expect((await ctx.local.find({ collection: 'notes', limit: 1000, overrideAccess: false })).limit).toBe(100)
    const user = { ...member, collection: 'members' }
    expect((await ctx.local.find({ collection: 'notes', limit: 1000, overrideAccess: false, user })).limit).toBe(1000)
  })

  it('signals changes to what strangers may read, and nothing about accounts', () => {
    const signalled = new Set(ctx.changes.map(({ collection }) => collection))
    expect([...signalled].sort()).toEqual(['dossiers', 'notes'])
    expect(ctx.changes.find(({ collection }) => String(collection) === 'notes')?.doc.title).toBe('Other')
  })
})
