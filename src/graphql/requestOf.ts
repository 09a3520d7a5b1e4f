import type { ExecutionArgs } from 'graphql'
import type { PayloadRequest } from 'payload'

import { isStaff } from '@/access/roles'

/** Payload's request, which its GraphQL handler passes as the context of every operation. */
export const requestOf = (args: Pick<ExecutionArgs, 'contextValue'>): PayloadRequest | undefined =>
  (args.contextValue as { req?: PayloadRequest } | undefined)?.req

/** Whether the operation is sent by a staff account: the readers the public-reads plugin does not clamp (`isTrustedReader`). */
export const sentByStaff = (args: Pick<ExecutionArgs, 'contextValue'>): boolean => isStaff(requestOf(args)?.user)
