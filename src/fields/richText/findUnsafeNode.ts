import { SAFE_URL_RULE, unsafeURLReason } from '@/utilities/safeURL'

import type { RichTextRules } from './rules'

export type NodeRules = RichTextRules & {
  /** Whether `value` is a well-formed id of `collection` (its id type decides). */
  isDocumentID: (collection: string, value: unknown) => boolean
}

/** Where the first refused node is (`link at root.children[2].children[0]`) and the rule it breaks. */
export type UnsafeNode = { node: string; rule: string }

type Node = Record<string, unknown>

const isObject = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value)

// The type is the client's text and ends up in an error message: word characters only.
const typeName = (node: unknown): string =>
  (isObject(node) && typeof node.type === 'string' && node.type.replace(/[^\w-]/g, '').slice(0, 40)) || 'node'

// An id, never a document: at depth 0 Payload serves the stored value as it is, whatever it holds.
const checkInternalLink = (type: unknown, doc: unknown, rules: NodeRules): string | undefined => {
  if (!rules.linkCollections.length) return `internal links (to documents) are not enabled; ${SAFE_URL_RULE}`
  if (type === 'autolink') return 'an autolink carries a URL, never a document'
  const collections = rules.linkCollections.join(', ')
  if (!isObject(doc) || typeof doc.relationTo !== 'string' || !rules.linkCollections.includes(doc.relationTo)) {
    return `an internal link's doc must be { relationTo, value } with relationTo one of ${collections}`
  }
  if (!rules.isDocumentID(doc.relationTo, doc.value)) return `an internal link's value must be the id of a ${doc.relationTo} document`
  return undefined
}

const checkLink = ({ fields, type }: Node, rules: NodeRules): string | undefined => {
  if (!isObject(fields)) return 'a link needs its fields (url and linkType)'
  if (fields.linkType === 'internal') return checkInternalLink(type, fields.doc, rules)
  if (fields.doc !== undefined && fields.doc !== null) return 'only an internal link (linkType "internal") may name a document'
  if (fields.linkType !== undefined && fields.linkType !== 'custom') {
    return rules.linkCollections.length ? 'linkType must be "custom" or "internal"' : 'linkType must be "custom"'
  }
  const reason = unsafeURLReason(fields.url)
  return reason && `${reason}; ${SAFE_URL_RULE}`
}

const checkUpload = ({ relationTo, value }: Node, rules: NodeRules): string | undefined => {
  if (typeof relationTo !== 'string' || !rules.uploadCollections.includes(relationTo)) {
    return `uploads must come from ${rules.uploadCollections.join(' or ') || 'no collection'}`
  }
  // An id, never a document: at depth 0 Payload serves the stored value as it is, `url` included.
  if (!rules.isDocumentID(relationTo, value)) return `the upload value must be the id of a ${relationTo} document`
  return undefined
}

const checkNode = (node: unknown, rules: NodeRules): string | undefined => {
  if (!isObject(node) || typeof node.type !== 'string') return 'a node must be an object with a type'
  if (node.type === 'root') return 'a root node may only be the top of the editor state'
  if (!rules.nodeTypes.has(node.type)) return `"${typeName(node)}" is not a node type this editor offers`
  if (node.type === 'link' || node.type === 'autolink') return checkLink(node, rules)
  if (node.type === 'upload') return checkUpload(node, rules)
  if ('children' in node && !Array.isArray(node.children)) return 'children must be a list of nodes'
  return undefined
}

/** The first node of a Lexical editor state, in document order, that the rules refuse. */
export const findUnsafeNode = (value: unknown, rules: NodeRules): UnsafeNode | undefined => {
  if (value === null || value === undefined) return undefined
  const root = isObject(value) ? value.root : undefined
  if (!isObject(root) || root.type !== 'root' || !Array.isArray(root.children)) {
    return { node: 'root', rule: 'the value is not a Lexical editor state (an object whose root node has a list of children)' }
  }
  // A stack rather than recursion: how deep the nodes nest is the client's choice.
  const stack: { node: unknown; path: string }[] = []
  const push = (children: unknown[], parentPath: string) => {
    for (let index = children.length - 1; index >= 0; index--) {
      stack.push({ node: children[index], path: `${parentPath}.children[${index}]` })
    }
  }
  push(root.children, 'root')
  while (stack.length) {
    const { node, path } = stack.pop()!
    const rule = checkNode(node, rules)
    if (rule) return { node: `${typeName(node)} at ${path}`, rule }
    if (isObject(node) && Array.isArray(node.children)) push(node.children, path)
  }
  return undefined
}
