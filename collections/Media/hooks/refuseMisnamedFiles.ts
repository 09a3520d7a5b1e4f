import type { CollectionBeforeValidateHook } from 'payload'

import path from 'path'
import { ValidationError } from 'payload'

import { extensionFitsType } from '../utilities/extensionFitsType'

/**
 * Refuses to store a new file whose name does not fit its sniffed type. An upload sent as a file is
 * renamed before this (`setExtensionFromContent`); a file Payload fetches from a URL given in the
 * request (`url` and `filename` in the data) is named by the caller after the hooks that could
 * rename it, so it is refused instead, before anything is written.
 */
export const refuseMisnamedFiles: CollectionBeforeValidateHook = ({ data, originalDoc }) => {
  const { filename, mimeType } = (data ?? {}) as { filename?: unknown; mimeType?: unknown }
  // Only a new file: a document stored before this check keeps its name through other edits.
  if (typeof filename !== 'string' || typeof mimeType !== 'string' || filename === originalDoc?.filename) return data
  if (extensionFitsType(path.extname(filename).slice(1), mimeType)) return data
  throw new ValidationError({
    collection: 'media',
    errors: [{ message: `The file name ${filename} does not fit its content (${mimeType}): give it the extension of its type.`, path: 'filename' }],
  })
}
