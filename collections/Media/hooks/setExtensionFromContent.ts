import type { CollectionBeforeOperationHook } from 'payload'

import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type'
import path from 'path'

import { extensionFitsType } from '../utilities/extensionFitsType'

/**
 * Names an uploaded file after what its bytes are. Payload sniffs the type and checks it against
 * `mimeTypes`, but keeps the uploader's extension, so a PNG sent as `x.html` would be stored as
 * `x.html`, and any server or CDN that types files by extension would serve it as a page. Runs
 * before Payload derives `filename` (and the image sizes' names) from `req.file.name`; what
 * file-type cannot identify is left for Payload's own check to refuse.
 */
export const setExtensionFromContent: CollectionBeforeOperationHook<'media'> = async ({ args, operation, req }) => {
  if ((operation !== 'create' && operation !== 'update') || !req.file) return args
  const { data, name, tempFilePath } = req.file
  // Payload keeps large uploads on disk when `useTempFiles` is on; the buffer is then empty.
  const onDisk = Boolean(tempFilePath) && !data?.length
  if (!onDisk && !data?.length) return args
  const detected = onDisk ? await fileTypeFromFile(tempFilePath!) : await fileTypeFromBuffer(data)
  if (!detected) return args
  const { ext: extension, name: base } = path.parse(name)
  if (extensionFitsType(extension.slice(1), detected.mime)) return args
  req.file = { ...req.file, name: `${base}.${detected.ext}` }
  return args
}
