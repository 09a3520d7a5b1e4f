'use client'

import { Button, useAuth, useConfig, useDocumentInfo, useForm, useFormFields, useFormProcessing } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import { useCallback } from 'react'

import type { User } from '@/payload-types'

import { isEditor } from '@/access/roles'

import type { Workflow } from '../workflow'

/**
 * The review buttons beside the document controls: "Submit for review" for whoever may edit a draft,
 * "Request changes" (with the note in the sidebar) for editors on a story in review. Each saves the
 * form as a draft with the new state, exactly as Save Draft does; the server checks every move.
 * Editors publish with Payload's own Publish button, which closes the review.
 */
export const ReviewActions = () => {
  const { collectionSlug, hasSavePermission, id } = useDocumentInfo()
  const { user } = useAuth<User>()
  const { submit } = useForm()
  const processing = useFormProcessing()
  const workflow = useFormFields(([fields]) => fields.workflow?.value as undefined | Workflow) ?? 'draft'
  const {
    config: { routes },
  } = useConfig()

  const saveAs = useCallback(
    async (next: Workflow) => {
      const path: `/${string}` = `/${collectionSlug}${id === undefined ? '' : `/${id}`}?depth=0&draft=true`
      await submit({
        action: formatAdminURL({ apiRoute: routes.api, path }),
        method: id === undefined ? 'POST' : 'PATCH',
        overrides: { _status: 'draft', workflow: next },
        skipValidation: true,
      })
    },
    [collectionSlug, id, routes.api, submit],
  )

  if (!hasSavePermission) return null
  if (workflow === 'inReview') {
    if (!isEditor(user)) return null
    return (
      <Button buttonStyle="secondary" disabled={processing} margin={false} onClick={() => void saveAs('changesRequested')} size="medium">
        Request changes
      </Button>
    )
  }
  return (
    <Button buttonStyle="secondary" disabled={processing} margin={false} onClick={() => void saveAs('inReview')} size="medium">
      Submit for review
    </Button>
  )
}
