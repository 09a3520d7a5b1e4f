import type { CollectionConfig, EditConfig, Plugin } from 'payload'

import { updatedByField } from '@/fields/updatedBy'

import type { AuditedDecisions } from './types'

import { AUDIT_LOG_SLUG } from './actions'
import { notePublishedState } from './hooks/notePublishedState'
import { recordChange } from './hooks/recordChange'
import { recordDelete } from './hooks/recordDelete'
import { AuditLog } from './index'

export type AuditTrailOptions = {
  /** Fields whose change is a decision of its own (moderation, role changes), per collection. */
  decisions: AuditedDecisions
  /** Collections that hold derived data, not anyone's edits (plugin counters). */
  skip: string[]
}

type Hooks = NonNullable<CollectionConfig['hooks']>

const AUDIT_HOOK = Symbol.for('newsroom.auditHook')

/** Marks a hook as the audit trail's, so a test can check from the built config that every collection has them. */
const marked = <T extends object>(hook: T): T => Object.assign(hook, { [AUDIT_HOOK]: true })

export const isAuditHook = (hook: unknown): boolean => Boolean((hook as undefined | { [AUDIT_HOOK]?: boolean })?.[AUDIT_HOOK])

/** Appends `added` to the collection's own hooks: its own run first, so an entry records the write as stored. */
const withHooks = (collection: CollectionConfig, added: Pick<Hooks, 'afterChange' | 'afterDelete' | 'beforeChange'>): CollectionConfig => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    afterChange: [...(collection.hooks?.afterChange ?? []), ...(added.afterChange ?? [])],
    afterDelete: [...(collection.hooks?.afterDelete ?? []), ...(added.afterDelete ?? [])],
    beforeChange: [...(collection.hooks?.beforeChange ?? []), ...(added.beforeChange ?? [])],
  },
})

const hasDrafts = ({ versions }: CollectionConfig): boolean => Boolean(versions && typeof versions === 'object' && versions.drafts)

/** The versions view names who saved each version, from `updatedBy`. */
const withVersionAuthors = (collection: CollectionConfig): CollectionConfig => {
  const edit = collection.admin?.components?.views?.edit
  // A custom root view owns every nested view, the versions view included.
  if (edit?.root) return collection
  return {
    ...collection,
    admin: {
      ...collection.admin,
      components: {
        ...collection.admin?.components,
        views: {
          ...collection.admin?.components?.views,
          // Payload's type for nested views does not admit a spread of itself.
          edit: { ...edit, versions: { Component: '@collections/AuditLog/components/VersionsView#VersionsView' } } as EditConfig,
        },
      },
    },
  }
}

const audit = (collection: CollectionConfig, decisions: AuditedDecisions): CollectionConfig => {
  const hooks = { afterChange: [marked(recordChange(decisions))], afterDelete: [marked(recordDelete)] }
  if (!hasDrafts(collection)) return withHooks(collection, hooks)
  const audited = withHooks(collection, { ...hooks, beforeChange: [notePublishedState] })
  return { ...withVersionAuthors(audited), fields: [...audited.fields, updatedByField()] }
}

/**
 * The audit trail: adds the `audit-log` collection, records every write to every other collection
 * of the config (Payload's own, added later at sanitisation, are system records and left out), and
 * gives versioned collections `updatedBy`, shown in their versions view. Scheduling from the admin is recorded by its server
 * function (`serverFunctions/scheduleAndRecordPublish.ts`, in the admin layout). List it after the plugins that add collections and
 * before those that must cover the audit log too (public reads, query checks).
 */
export const auditTrail =
  ({ decisions, skip }: AuditTrailOptions): Plugin =>
  (config) => ({
    ...config,
    collections: [
      ...(config.collections ?? []).map((collection) =>
        skip.includes(collection.slug) || collection.slug === AUDIT_LOG_SLUG ? collection : audit(collection, decisions),
      ),
      AuditLog,
    ],
  })
