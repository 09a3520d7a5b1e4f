import type { CollectionSlug, Payload } from 'payload'

import type { SanitizedReadMoreOptions } from '../types'

/** The field that titles a document of `collection` for readers: `titleFields`, else `admin.useAsTitle`. */
export const titleFieldOf = (payload: Payload, options: SanitizedReadMoreOptions, collection: string): string =>
  options.titleFields[collection] ?? payload.collections[collection as CollectionSlug].config.admin.useAsTitle ?? 'id'
