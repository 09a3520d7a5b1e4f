import { describe, expect, it } from 'vitest'

import { isAuditHook } from '@collections/AuditLog/auditTrail'

import { useTestPayload } from '../helpers/bootPayload'

const ctx = useTestPayload()

/**
 * Collections whose writes are not anyone's edits: the log itself, the read-more plugin's counters
 * and the redirects recorded when a slug changes (the story's, tag's or author's own entry shows it).
 */
const unaudited = ['audit-log', 'read-more-topic-counts', 'redirects']

describe('audit-log: coverage of the config', () => {
  it('records creates, edits and deletions of every collection of the built config, Payload’s own excepted', () => {
    const problems: string[] = []
    for (const { flattenedFields, hooks, slug, versions } of ctx.config.collections) {
      if (slug.startsWith('payload-') || unaudited.includes(slug)) continue
      if (!hooks.afterChange?.some(isAuditHook)) problems.push(`${slug}: changes are not recorded`)
      if (!hooks.afterDelete?.some(isAuditHook)) problems.push(`${slug}: deletions are not recorded`)
      if (versions && versions.drafts && !flattenedFields.some(({ name }) => name === 'updatedBy')) {
        problems.push(`${slug}: versions do not say who made them`)
      }
    }
    expect(problems).toEqual([])
    expect(ctx.config.collections.filter(({ slug }) => !slug.startsWith('payload-')).length).toBeGreaterThan(unaudited.length)
  })

  it('records nothing of the log’s own writes', () => {
    const log = ctx.config.collections.find(({ slug }) => slug === 'audit-log')
    expect([...(log?.hooks.afterChange ?? []), ...(log?.hooks.afterDelete ?? [])].some(isAuditHook)).toBe(false)
  })
})
