import type { TextFieldSingleValidation } from 'payload'

import { text } from 'payload/shared'

import type { ReadMoreRow } from '../types'

import { isHttpURL } from '../utilities/isHttpURL'

/** External rows link to absolute http(s) addresses only: `javascript:` or `data:` would run in the reader's page. */
export const validateExternalURL: TextFieldSingleValidation = (value, options) => {
  if ((options.siblingData as ReadMoreRow)?.type !== 'external') return true
  if (typeof value !== 'string' || !value.trim()) return 'Enter the address of the page to link to.'
  const builtIn = text(value, options)
  if (builtIn !== true) return builtIn
  return isHttpURL(value) ? true : 'Must be an absolute http:// or https:// address.'
}
