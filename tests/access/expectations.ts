import type { Payload } from 'payload'

import { expect } from 'vitest'

import type { MatrixCollection } from './matrix'
import type { Actor, Answer, Doc, Surface, Upload } from './surfaces'

/** The stored document, read past access control: what the database holds, whatever the surface said. */
export const stored = async <C extends MatrixCollection>(
  payload: Payload,
  collection: C,
  id: number,
): Promise<Doc<C> | null> =>
  (await payload.findByID({ id, collection, depth: 0, disableErrors: true, overrideAccess: true })) ?? null

export const label = (surface: Surface, actor: Actor, name: string): string => `${name} (${actor.role} over ${surface.name})`

/** Payload refuses with 403 when access says no, and with 404 when access narrows the rows to none. */
export const expectRefused = (answer: Answer<unknown>, message: string): void => {
  expect(answer.ok, `${message}: should be refused`).toBe(false)
  if (!answer.ok) expect([403, 404], `${message}: refused with ${answer.status} ${answer.message}`).toContain(answer.status)
}

export const expectGranted = <T>(answer: Answer<T>, message: string): T => {
  const refusal = answer.ok ? '' : `, was refused with ${answer.status} ${answer.message}`
  expect(answer.ok, `${message}: should be allowed${refusal}`).toBe(true)
  return (answer as { value: T }).value
}

type Check<C extends MatrixCollection> = { actor: Actor; collection: C; payload: Payload; surface: Surface }

export type CreateCase<C extends MatrixCollection> = {
  allowed: boolean
  data: Partial<Doc<C>>
  file?: Upload
  name: string
  /** What the stored document holds after an allowed create; `data` when omitted. */
  stored?: Record<string, unknown>
}

export const expectCreates = async <C extends MatrixCollection>(
  { actor, collection, payload, surface }: Check<C>,
  cases: CreateCase<C>[],
): Promise<void> => {
  for (const { allowed, data, file, name, stored: expected } of cases) {
    const message = label(surface, actor, name)
    const before = (await payload.count({ collection, overrideAccess: true })).totalDocs
    const answer = await surface.create(collection, actor, data, file)
    const after = (await payload.count({ collection, overrideAccess: true })).totalDocs
    if (allowed) {
      const created = expectGranted(answer, message)
      expect(after, `${message}: stored documents`).toBe(before + 1)
      expect(await stored(payload, collection, created.id), `${message}: stored`).toMatchObject(expected ?? data)
    } else {
      expectRefused(answer, message)
      expect(after, `${message}: stored documents`).toBe(before)
    }
  }
}

export type ReadExpectation<C extends MatrixCollection> =
  | {
      /** Field values of one readable document: equal where the role may read the field, absent where not. */
      probe?: { fields: Partial<Doc<C>>; hidden: readonly string[]; id: number }
      readable: number[]
      unreadable: number[]
    }
  | { refused: number[] }

/** Ids in ascending order, to compare sets of documents. */
export const sortedIDs = (docs: { id: number }[]): number[] => docs.map(({ id }) => id).sort((a, b) => a - b)

const expectFields = <C extends MatrixCollection>(
  doc: Doc<C>,
  { fields, hidden }: { fields: Partial<Doc<C>>; hidden: readonly string[] },
  message: string,
): void => {
  expect(Object.keys(fields), `${message}: the probe covers every hidden field`).toEqual(expect.arrayContaining([...hidden]))
  for (const [field, value] of Object.entries(fields)) {
    const actual: unknown = Reflect.get(doc, field)
    if (hidden.includes(field)) expect(actual ?? null, `${message}: \`${field}\` must not be readable`).toBeNull()
    else expect(actual, `${message}: \`${field}\``).toEqual(value)
  }
}

export const expectReads = async <C extends MatrixCollection>(
  { actor, collection, surface }: Check<C>,
  expectation: ReadExpectation<C>,
): Promise<void> => {
  if ('refused' in expectation) {
    expectRefused(await surface.find(collection, actor, expectation.refused), label(surface, actor, 'list'))
    for (const id of expectation.refused) {
      expectRefused(await surface.findByID(collection, actor, id), label(surface, actor, `by id ${id}`))
    }
    return
  }
  const { probe, readable, unreadable } = expectation
  const list = expectGranted(await surface.find(collection, actor, [...readable, ...unreadable]), label(surface, actor, 'list'))
  expect(sortedIDs(list), label(surface, actor, 'listed ids')).toEqual(sortedIDs(readable.map((id) => ({ id }))))
  for (const id of readable) {
    const doc = expectGranted(await surface.findByID(collection, actor, id), label(surface, actor, `by id ${id}`))
    expect(doc.id).toBe(id)
  }
  for (const id of unreadable) {
    expectRefused(await surface.findByID(collection, actor, id), label(surface, actor, `by id ${id}`))
  }
  if (probe) {
    const listed = list.find((doc) => doc.id === probe.id)
    expect(listed, label(surface, actor, `probe ${probe.id} listed`)).toBeDefined()
    expectFields(listed!, probe, label(surface, actor, `listed ${probe.id}`))
    const byID = expectGranted(await surface.findByID(collection, actor, probe.id), label(surface, actor, `probe ${probe.id}`))
    expectFields(byID, probe, label(surface, actor, `by id ${probe.id}`))
  }
}

export type UpdateCase<C extends MatrixCollection> = {
  data: Partial<Doc<C>>
  /**
   * `ignored`: the request may be answered either way, but the fields in `data` keep their stored values
   * (Payload drops fields the role may not write instead of refusing the whole request).
   */
  expect: 'allowed' | 'ignored' | 'refused'
  id: number
  name: string
  /** What the stored document holds after an allowed update; `data` when omitted. */
  stored?: Record<string, unknown>
}

export const expectUpdates = async <C extends MatrixCollection>(
  { actor, collection, payload, surface }: Check<C>,
  cases: UpdateCase<C>[],
): Promise<void> => {
  for (const { data, expect: expected, id, name, stored: storedAfter } of cases) {
    const message = label(surface, actor, name)
    const before = await stored(payload, collection, id)
    expect(before, `${message}: fixture exists`).not.toBeNull()
    const answer = await surface.update(collection, actor, id, data)
    const after = await stored(payload, collection, id)
    if (expected === 'allowed') {
      expectGranted(answer, message)
      expect(after, `${message}: stored`).toMatchObject(storedAfter ?? data)
    } else if (expected === 'refused') {
      expectRefused(answer, message)
      expect(after, `${message}: stored document unchanged`).toEqual(before)
    } else {
      if (!answer.ok) expectRefused(answer, message)
      const unchanged = Object.fromEntries(Object.keys(data).map((field) => [field, Reflect.get(before!, field)]))
      expect(after, `${message}: stored fields unchanged`).toMatchObject(unchanged)
    }
  }
}

export type DeleteCase = { allowed: boolean; id: number; name: string }

export const expectDeletes = async <C extends MatrixCollection>(
  { actor, collection, payload, surface }: Check<C>,
  cases: DeleteCase[],
): Promise<void> => {
  for (const { allowed, id, name } of cases) {
    const message = label(surface, actor, name)
    const before = await stored(payload, collection, id)
    expect(before, `${message}: fixture exists`).not.toBeNull()
    const answer = await surface.delete(collection, actor, id)
    const after = await stored(payload, collection, id)
    if (allowed) {
      expect(expectGranted(answer, message).id, `${message}: deleted id`).toBe(id)
      expect(after, `${message}: stored`).toBeNull()
    } else {
      expectRefused(answer, message)
      expect(after, `${message}: stored document unchanged`).toEqual(before)
    }
  }
}
