import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, it } from 'vitest'

import type { TestContext } from '../helpers/bootPayload'
import type { Staff } from '../helpers/staff'
import type { AuthCollection, AuthOperation, AuthOutcome, MatrixCollection, MatrixRole, Operation, Outcome } from './matrix'
import type { Actor, Surface } from './surfaces'

import { bootPayload } from '../helpers/bootPayload'
import { createStaff } from '../helpers/staff'
import { matrix, roles } from './matrix'
import { createSurfaces } from './surfaces'

export type AccessSuite = {
  actor: (role: MatrixRole) => Actor
  /** Names one role's fixtures on one surface, so that no two tests write to the same document. */
  key: (surface: Surface, role: MatrixRole) => string
  payload: () => Payload
  staff: () => Staff
  surfaces: Surface[]
}

/** Boots Payload on a fresh database for this test file and logs in one account per staff role. */
export const useAccessSuite = (): AccessSuite => {
  let ctx: TestContext | undefined
  let staff: Staff | undefined
  beforeAll(async () => {
    ctx = await bootPayload()
    // Every refusal the matrix provokes is logged by Payload as an error; the assertions report what matters.
    ctx.payload.logger.level = 'silent'
    staff = await createStaff(ctx.payload)
  })
  afterAll(async () => ctx?.shutdown())

  const payload = (): Payload => {
    if (!ctx) throw new Error('Payload is not booted yet: use it inside hooks and tests.')
    return ctx.payload
  }
  const getStaff = (): Staff => {
    if (!staff) throw new Error('Staff accounts are not created yet: use them inside hooks and tests.')
    return staff
  }
  return {
    actor: (role) => (role === 'anonymous' ? { role } : { role, ...getStaff()[role] }),
    key: (surface, role) => `${surface.name}/${role}`,
    payload,
    staff: getStaff,
    surfaces: createSurfaces(payload),
  }
}

/** Documents are created with a slug: GraphQL and the generated types mark it required, and it must be unique. */
export const toSlug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')

/** A slug no other test uses. */
export const slugOf = (role: MatrixRole, surface: Surface, what = ''): string => toSlug(`${what} ${role} ${surface.name}`)

export type CellTest<C extends MatrixCollection, O extends Operation> = (args: {
  actor: Actor
  /** The fields the role never sees (the cell's `hidden`). */
  hidden: readonly string[]
  outcome: Outcome<C, O>
  role: MatrixRole
  surface: Surface
}) => Promise<void>

const verbs: Record<Operation, string> = { create: 'creates', delete: 'deletes', read: 'reads', update: 'updates' }

/**
 * One test per surface × role × operation, named after the matrix cell it checks: the matrix decides
 * what each test expects, the collection's file decides on which documents.
 */
export const describeMatrix = <C extends MatrixCollection>(
  collection: C,
  suite: AccessSuite,
  tests: { [O in Operation]: CellTest<C, O> },
): void => {
  describe(collection, () => {
    for (const surface of suite.surfaces) {
      describe(`over ${surface.name}`, () => {
        for (const role of roles) {
          const cell = matrix[collection][role]
          const args = { hidden: cell.hidden ?? [], role, surface }
          // Payload's GraphQL schema has no file input, so uploads (media) are created over the Local API and REST only.
          if (collection !== 'media' || surface.uploads) {
            it(`${verbs.create} ${cell.create}, for ${role}`, () =>
              tests.create({ ...args, actor: suite.actor(role), outcome: cell.create }))
          }
          it(`${verbs.read} ${cell.read}, for ${role}`, () =>
            tests.read({ ...args, actor: suite.actor(role), outcome: cell.read }))
          it(`${verbs.update} ${cell.update}, for ${role}`, () =>
            tests.update({ ...args, actor: suite.actor(role), outcome: cell.update }))
          it(`${verbs.delete} ${cell.delete}, for ${role}`, () =>
            tests.delete({ ...args, actor: suite.actor(role), outcome: cell.delete }))
        }
      })
    }
  })
}

export type AuthCellTest<C extends AuthCollection, O extends AuthOperation> = (args: {
  actor: Actor
  outcome: AuthOutcome<C, O>
  role: MatrixRole
  surface: Surface
}) => Promise<void>

const authVerbs: Record<AuthOperation, string> = { unlock: 'unlocks' }

/** As `describeMatrix`, for the account operations of an auth collection (`unlock`). */
export const describeAuthMatrix = <C extends AuthCollection>(
  collection: C,
  suite: AccessSuite,
  tests: { [O in AuthOperation]: AuthCellTest<C, O> },
): void => {
  describe(`${collection}: account operations`, () => {
    for (const surface of suite.surfaces) {
      describe(`over ${surface.name}`, () => {
        for (const role of roles) {
          // TypeScript does not resolve the auth part of a generic collection's cell.
          const outcome = (matrix[collection][role] as { unlock: AuthOutcome<C, 'unlock'> }).unlock
          it(`${authVerbs.unlock} ${outcome}, for ${role}`, () => tests.unlock({ actor: suite.actor(role), outcome, role, surface }))
        }
      })
    }
  })
}
