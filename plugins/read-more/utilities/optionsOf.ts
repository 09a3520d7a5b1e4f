import type { Payload } from 'payload'

import type { SanitizedReadMoreOptions } from '../types'

/** Where the plugin leaves its sanitized options on each collection it is installed on (server-only `custom`). */
export const OPTIONS_KEY = 'readMore'

/** The options a collection was set up with; throws when the plugin is not installed there or is disabled. */
export const optionsOf = (payload: Payload, collection: string): SanitizedReadMoreOptions => {
  const options = payload.collections[collection as keyof typeof payload.collections]?.config.custom?.[OPTIONS_KEY] as
    | SanitizedReadMoreOptions
    | undefined
  if (!options || options.disabled) throw new Error(`readMorePlugin is not enabled on the collection "${collection}".`)
  return options
}
