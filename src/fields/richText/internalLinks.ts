import { relationID } from '@/utilities/relationID'

type Node = Record<string, unknown>

export type DocumentID = number | string

/** A link node of a Lexical editor state that names a document, and where it stands. */
export type InternalLink = {
  id: DocumentID | undefined
  node: Node
  /** As in write errors: `root.children[0].children[1]`. */
  path: string
  relationTo: string | undefined
}

const isObject = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Internal links only: a custom link never names a document, and one that does is treated as internal. */
const isInternalLink = (node: Node): boolean =>
  (node.type === 'link' || node.type === 'autolink') &&
  isObject(node.fields) &&
  (node.fields.linkType === 'internal' || (node.fields.doc !== undefined && node.fields.doc !== null))

const targetOf = (node: Node): Pick<InternalLink, 'id' | 'relationTo'> => {
  const doc = (node.fields as Node).doc
  if (!isObject(doc)) return { id: undefined, relationTo: undefined }
  return { id: relationID(doc.value), relationTo: typeof doc.relationTo === 'string' ? doc.relationTo : undefined }
}

/** Every internal link of an editor state, in document order; nothing for a value that is not one. */
export const findInternalLinks = (value: unknown): InternalLink[] => {
  const root = isObject(value) ? value.root : undefined
  if (!isObject(root) || !Array.isArray(root.children)) return []
  const links: InternalLink[] = []
  // A stack rather than recursion: how deep the nodes nest is the writer's choice.
  const stack: { node: unknown; path: string }[] = root.children.map((node, index) => ({ node, path: `root.children[${index}]` })).reverse()
  while (stack.length) {
    const { node, path } = stack.pop()!
    if (!isObject(node)) continue
    if (isInternalLink(node)) links.push({ node, path, ...targetOf(node) })
    if (Array.isArray(node.children)) {
      for (let index = node.children.length - 1; index >= 0; index--) stack.push({ node: node.children[index], path: `${path}.children[${index}]` })
    }
  }
  return links
}

/** The ids of `links` by target collection, links without a well-formed target left out. */
export const idsByCollection = (links: InternalLink[]): Map<string, DocumentID[]> => {
  const byCollection = new Map<string, DocumentID[]>()
  for (const { id, relationTo } of links) {
    if (id === undefined || relationTo === undefined) continue
    byCollection.set(relationTo, [...(byCollection.get(relationTo) ?? []), id])
  }
  return byCollection
}

/** `relationTo:id`, to compare targets whatever the id's type. */
export const targetKey = ({ id, relationTo }: Pick<InternalLink, 'id' | 'relationTo'>): string => `${relationTo}:${String(id)}`

/**
 * A copy of the editor state in which each link node in `drop` is replaced by its children: the
 * reader keeps the words and loses the link. Other nodes are shared with the input, not copied.
 */
export const unwrapLinks = <T>(value: T, drop: ReadonlySet<Node>): T => {
  if (!drop.size) return value
  const rewrite = (children: unknown[]): unknown[] =>
    children.flatMap((child) => {
      if (!isObject(child)) return [child]
      const inner = Array.isArray(child.children) ? rewrite(child.children) : undefined
      if (drop.has(child)) return inner ?? []
      return inner ? [{ ...child, children: inner }] : [child]
    })
  const root = (value as { root: Node }).root
  return { ...value, root: { ...root, children: rewrite(root.children as unknown[]) } }
}
