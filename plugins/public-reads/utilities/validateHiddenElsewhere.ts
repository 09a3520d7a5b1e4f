import type { PrivateRelation, SanitizedPublicReadsOptions } from '../types'

/** Each path in `hiddenElsewhere` must name a private relationship or upload field, so a stale entry cannot hide a gap. */
export const validateHiddenElsewhere = (
  { hiddenElsewhere }: SanitizedPublicReadsOptions,
  relations: ReadonlyMap<string, PrivateRelation[]>,
): void => {
  for (const [slug, paths] of Object.entries(hiddenElsewhere)) {
    for (const path of paths) {
      const relation = relations.get(slug)?.find((candidate) => candidate.path === path)
      if (!relation || relation.join) {
        throw new Error(
          `publicReadsPlugin: option \`hiddenElsewhere\` names "${slug}.${path}", which is not a private relationship or upload field of a collection in the config (list the plugin after the one that adds it).`,
        )
      }
    }
  }
}
