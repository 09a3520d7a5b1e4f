import type { FlattenedField, PayloadRequest, SanitizedCollectionConfig, SanitizedConfig } from 'payload'

import { publicReadsCoverage } from '@plugins/public-reads'

/** What a stranger may read of a collection: decided here from the sanitized config, apart from the plugin's own probe. */
export type AnonymousRead = 'all' | 'none' | 'some'

/** A relationship, upload or join field found in a sanitized collection, at any depth. */
export type FoundRelation = { hasReadHook: boolean; join: boolean; path: string; targets: string[] }

export const anonymousReadOf = async (collection: SanitizedCollectionConfig): Promise<AnonymousRead> => {
  const declared = (collection.custom?.publicReads as { readableByAnyone?: boolean } | undefined)?.readableByAnyone
  if (declared !== undefined) return declared ? 'all' : 'some'
  const req = { context: {}, headers: new Headers(), query: {}, user: null } as unknown as PayloadRequest
  try {
    const answer: unknown = await collection.access.read({ req })
    return answer === true ? 'all' : answer ? 'some' : 'none'
  } catch {
    return 'some'
  }
}

const hasReadHook = (field: FlattenedField): boolean => Boolean('hooks' in field && field.hooks?.afterRead?.length)

/** Every relation of a collection, walking the sanitized `flattenedFields` (groups, arrays, named tabs and blocks). */
export const relationsOf = (config: SanitizedConfig, fields: FlattenedField[], prefix = '', inReadHook = false): FoundRelation[] =>
  fields.flatMap((field): FoundRelation[] => {
    const path = `${prefix}${field.name}`
    const readHook = inReadHook || hasReadHook(field)
    switch (field.type) {
      case 'relationship':
      case 'upload':
        return [{ hasReadHook: readHook, join: false, path, targets: [field.relationTo].flat() }]
      case 'join':
        return [{ hasReadHook: readHook, join: true, path, targets: [field.collection].flat() }]
      case 'array':
      case 'group':
      case 'tab':
        return relationsOf(config, field.flattenedFields, `${path}.`, readHook)
      case 'blocks':
        return [...(field.blockReferences ?? field.blocks)].flatMap((block) => {
          const resolved = typeof block === 'string' ? config.blocks?.find(({ slug }) => slug === block) : block
          return resolved ? relationsOf(config, resolved.flattenedFields, `${path}.`, readHook) : []
        })
      default:
        return []
    }
  })

/** Payload's own collections (preferences, locked documents, migrations, jobs), added after the plugins run. */
export const isPayloadInternal = (slug: string): boolean => slug.startsWith('payload-')

/**
 * Everything wrong with the public-read policy of a built config: a collection without the clamp, a
 * relation to a target strangers may not read in full whose filters are not guarded or whose ids are
 * not hidden, a relation to a public target that pays for hooks it does not need, or a collection
 * whose public changes are not signalled (when `signals` is set). Private relations whose hiding is
 * left to a field's own read hook are listed apart, for the test to name them one by one.
 */
export const checkPolicy = async (
  config: SanitizedConfig,
  { signals }: { signals: boolean },
): Promise<{ leftToFieldHooks: string[]; problems: string[] }> => {
  const reads = new Map<string, AnonymousRead>(
    await Promise.all(config.collections.map(async (collection) => [collection.slug, await anonymousReadOf(collection)] as const)),
  )
  const problems: string[] = []
  const leftToFieldHooks: string[] = []
  for (const collection of config.collections) {
    const { slug } = collection
    if (isPayloadInternal(slug)) {
      if (reads.get(slug) !== 'none') problems.push(`${slug}: a Payload collection strangers may read, outside the policy`)
      continue
    }
    const coverage = publicReadsCoverage(collection)
    if (!coverage.clamped) problems.push(`${slug}: reads are not clamped`)
    if (signals && coverage.signalled !== (reads.get(slug) !== 'none')) {
      problems.push(`${slug}: changes ${coverage.signalled ? 'signalled, though strangers read none of it' : 'not signalled'}`)
    }
    const declared = ((collection.custom?.publicReads as { privateRelations?: { path: string }[] } | undefined)?.privateRelations ?? []).map(
      ({ path }) => path,
    )
    for (const relation of relationsOf(config, collection.flattenedFields)) {
      const at = `${slug}.${relation.path} → ${relation.targets.join('|')}`
      const isPrivate = declared.includes(relation.path) || relation.targets.some((target) => reads.get(target) !== 'all')
      const guarded = coverage.guarded.includes(relation.path)
      const hidden = coverage.hidden.includes(relation.path)
      if (!isPrivate) {
        if (guarded || hidden) problems.push(`${at}: public target, yet hooked`)
        continue
      }
      if (!guarded) problems.push(`${at}: filters not guarded`)
      if (relation.join && hidden) problems.push(`${at}: a join, yet given the hiding hook (Payload filters joins)`)
      // Left to a field's own read hook only when the plugin was told so (`hiddenElsewhere`): reported for the test to name.
      if (!relation.join && !hidden) {
        if (relation.hasReadHook) leftToFieldHooks.push(`${slug}.${relation.path}`)
        else problems.push(`${at}: unreadable ids not hidden`)
      }
    }
    for (const path of [...coverage.guarded, ...coverage.hidden]) {
      if (!relationsOf(config, collection.flattenedFields).some((relation) => relation.path === path) && !declared.includes(path)) {
        problems.push(`${slug}.${path}: hooked, but not a relation`)
      }
    }
  }
  return { leftToFieldHooks, problems }
}
