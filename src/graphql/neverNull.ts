import type { GraphQLExtension } from 'payload'

/**
 * Marks fields non-null in collections' GraphQL object types, e.g. an article's `title` and `slug`.
 * Payload makes every field of a collection with drafts nullable, since a draft may lack a required
 * value; here the fields named are ones no stored document lacks (both are required on drafts too,
 * the slug filled from the title), so typed clients need no null checks for them. Used as
 * `graphQL.queries` for its effect on the built types; it adds no query.
 */
export const neverNull =
  (fieldsByCollection: Record<string, string[]>): GraphQLExtension =>
  (graphQL, { collections }) => {
    for (const [collection, names] of Object.entries(fieldsByCollection)) {
      const type = collections[collection]?.graphQL?.type
      if (!type) throw new Error(`neverNull: no GraphQL type for "${collection}".`)
      const fields = type.getFields()
      for (const name of names) {
        const field = fields[name]
        if (!field) throw new Error(`neverNull: "${collection}" has no GraphQL field "${name}".`)
        if (!graphQL.isNonNullType(field.type)) field.type = new graphQL.GraphQLNonNull(field.type)
      }
    }
    return {}
  }
