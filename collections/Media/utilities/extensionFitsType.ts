import mimeTypes from 'mime-types'

/** Whether a file extension (without the dot, any case) is one of those registered for a MIME type: `jpeg` and `jpg` both fit `image/jpeg`. */
export const extensionFitsType = (extension: string, mimeType: string): boolean =>
  (mimeTypes.extensions[mimeType.toLowerCase()] ?? []).includes(extension.toLowerCase())
