'use client'

import { useDocumentInfo } from '@payloadcms/ui'

import './readOnlyNotice.css'

/**
 * A banner on a document the signed-in user may read but not change. Payload greys the fields but
 * leaves some controls that cannot work (× on chips, "Add new" on joins); the stylesheet hides
 * them on the document view that shows this banner.
 */
export const ReadOnlyNotice = () => {
  const { hasSavePermission, id } = useDocumentInfo()
  if (id === undefined || id === null || hasSavePermission !== false) return null
  return (
    <div className="read-only-notice" role="status">
      <strong>Read only.</strong> You can read this document but not change it.
    </div>
  )
}
