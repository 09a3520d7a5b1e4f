import type { CollectionSlug, RichTextHooks } from 'payload'

import { isValidID, ValidationError } from 'payload'

import type { RichTextRules } from '../rules'

import { findUnsafeNode } from '../findUnsafeNode'

type BeforeValidateRichTextHook = NonNullable<RichTextHooks['beforeValidate']>[number]

/**
 * Refuses a rich text value with a node the rules do not allow: a 400 naming the field, the node's
 * place (`content: link at root.children[2].children[0]`) and the rule. A `beforeValidate` hook
 * rather than `validate`, because Payload skips field validation for drafts, which is all a
 * contributor writes.
 */
export const refuseUnsafeNodes =
  (rules: RichTextRules): BeforeValidateRichTextHook =>
  ({ collection, global, path, req, value }) => {
    const unsafe = findUnsafeNode(value, {
      ...rules,
      isUploadID: (slug, id) =>
        (typeof id === 'number' || typeof id === 'string') &&
        isValidID(id, req.payload.collections[slug as CollectionSlug]?.customIDType ?? req.payload.db.defaultIDType),
    })
    if (!unsafe) return value
    const fieldPath = path.join('.')
    const message = `${unsafe.node}: ${unsafe.rule}`
    // The label goes into the error's own message, so GraphQL clients read the node and rule too.
    throw new ValidationError(
      { collection: collection?.slug, errors: [{ label: `${fieldPath}: ${message}`, message, path: fieldPath }], global: global?.slug, req },
      req.t,
    )
  }
