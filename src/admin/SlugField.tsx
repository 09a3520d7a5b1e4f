'use client'

import type { TextFieldClientProps } from 'payload'

import { SlugField as PayloadSlugField, useField, useFormFields } from '@payloadcms/ui'
import { slugify } from 'payload/shared'

type Props = { useAsSlug: string } & TextFieldClientProps

/**
 * Payload's slug field, with two gaps closed: it offers "Unlock" even when the reader may not edit
 * the document (it reads only the field's own `readOnly`), and before the first save it is empty
 * and locked, so here the slug the document will be saved with is shown as the title is typed.
 */
export const SlugField = (props: Props) => {
  const { field, path, readOnly, useAsSlug } = props
  const { value } = useField<string>({ path: path ?? field.name })
  const source = useFormFields(([fields]) => fields[useAsSlug]?.value)
  const locked = Boolean(readOnly || field.admin?.readOnly)
  const preview = typeof source === 'string' && source.trim() ? slugify(source) : ''
  return (
    <>
      <PayloadSlugField {...props} field={{ ...field, admin: { ...field.admin, readOnly: locked } }} />
      {!locked && !(typeof value === 'string' && value.trim()) && (
        <div className="field-description slug-preview">
          {preview ? (
            <>
              Will be saved as <code>{preview}</code>
            </>
          ) : (
            `Made from the ${useAsSlug} when you save.`
          )}
        </div>
      )}
    </>
  )
}
