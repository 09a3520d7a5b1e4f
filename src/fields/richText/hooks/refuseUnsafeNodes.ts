import type { CollectionSlug, PayloadRequest, RichTextHooks } from 'payload'

import { isValidID, ValidationError } from 'payload'

import { readableIDs } from '@plugins/public-reads'

import type { UnsafeNode } from '../findUnsafeNode'
import type { RichTextRules } from '../rules'

import { existingIDs } from '@/utilities/existingIDs'

import { findUnsafeNode } from '../findUnsafeNode'
import { findInternalLinks, idsByCollection, targetKey } from '../internalLinks'

type BeforeValidateRichTextHook = NonNullable<RichTextHooks['beforeValidate']>[number]
type HookArgs = Parameters<BeforeValidateRichTextHook>[0]

/**
 * The first internal link, among those the write adds, whose document does not exist, or which
 * the writer may not read (the message then reveals nothing). Links already stored are left alone:
 * a story whose linked document was deleted stays editable, and readers get the link's text.
 */
const findMissingTarget = async ({ field, overrideAccess, previousSiblingDoc, req, value }: HookArgs): Promise<undefined | UnsafeNode> => {
  const previous = field.name ? (previousSiblingDoc as Record<string, unknown> | undefined)?.[field.name] : undefined
  const stored = new Set(findInternalLinks(previous).map(targetKey))
  const added = findInternalLinks(value).filter((link) => !stored.has(targetKey(link)))
  const found = new Set<string>()
  for (const [collection, ids] of idsByCollection(added)) {
    const slug = collection as CollectionSlug
    const present = overrideAccess ? await existingIDs(req, slug, ids) : await readableIDs(req, slug, ids)
    for (const id of present) found.add(targetKey({ id, relationTo: collection }))
  }
  const missing = added.find((link) => !found.has(targetKey(link)))
  return missing && { node: `link at ${missing.path}`, rule: `there is no ${missing.relationTo} document with the id ${missing.id}` }
}

const isDocumentID = (req: PayloadRequest) => (slug: string, id: unknown) =>
  (typeof id === 'number' || typeof id === 'string') &&
  isValidID(id, req.payload.collections[slug as CollectionSlug]?.customIDType ?? req.payload.db.defaultIDType)

/**
 * Refuses a rich text value with a node the rules do not allow, or an internal link to a document
 * that is not there: a 400 naming the field, the node's place (`content: link at
 * root.children[2].children[0]`) and the rule. A `beforeValidate` hook rather than `validate`,
 * because Payload skips field validation for drafts, which is all a contributor writes.
 */
export const refuseUnsafeNodes =
  (rules: RichTextRules): BeforeValidateRichTextHook =>
  async (args) => {
    const { collection, global, path, req, value } = args
    const unsafe = findUnsafeNode(value, { ...rules, isDocumentID: isDocumentID(req) }) ?? (await findMissingTarget(args))
    if (!unsafe) return value
    const fieldPath = path.join('.')
    const message = `${unsafe.node}: ${unsafe.rule}`
    // The label goes into the error's own message, so GraphQL clients read the node and rule too.
    throw new ValidationError(
      { collection: collection?.slug, errors: [{ label: `${fieldPath}: ${message}`, message, path: fieldPath }], global: global?.slug, req },
      req.t,
    )
  }
