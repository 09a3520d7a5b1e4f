import type { GraphQLExtension } from 'payload'

type GraphQLModule = Parameters<GraphQLExtension>[0]
type InputObject = InstanceType<GraphQLModule['GraphQLInputObjectType']>

/** The input object types a where clause is made of: the collection's `<Name>_where` and its AND/OR items. */
const whereTypes = (graphQL: GraphQLModule, where: InputObject): InputObject[] => {
  const items = ['AND', 'OR'].map((key) => graphQL.getNamedType(where.getFields()[key]?.type))
  return [where, ...items.filter((type): type is InputObject => graphQL.isInputObjectType(type))]
}

/**
 * Adds `<relation>__slug` to a collection's GraphQL where input, e.g. `Articles(where: { tags__slug:
 * { equals: "politics" } })`: the `__` path naming Payload's where inputs use for nested fields, and
 * Payload's query validation reads as `tags.slug`, as REST's `where[tags.slug]`. Payload builds
 * no such input for relationship paths, so a frontend would need two requests for a tag page.
 * Used as `graphQL.queries` for its effect on the built types; it adds no query.
 */
export const relationSlugFilters =
  (collection: string, relations: string[]): GraphQLExtension =>
  (graphQL, { collections }) => {
    const where = collections[collection]?.graphQL?.whereInputType
    if (!where) throw new Error(`relationSlugFilters: no GraphQL where input for "${collection}".`)
    // The collection's own slug filter: the same operators (equals, in, like…) on a text.
    const slugOperators = where.getFields().slug?.type
    if (!slugOperators) throw new Error(`relationSlugFilters: "${collection}" has no slug to take the operators from.`)
    for (const type of whereTypes(graphQL, where)) {
      const fields = type.getFields()
      for (const relation of relations) {
        const name = `${relation}__slug`
        fields[name] = {
          name,
          astNode: undefined,
          defaultValue: undefined,
          deprecationReason: undefined,
          description: `Stories whose ${relation} include one with this slug.`,
          extensions: {},
          type: slugOperators,
        }
      }
    }
    return {}
  }
