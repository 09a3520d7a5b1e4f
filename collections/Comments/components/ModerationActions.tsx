'use client'

import type { Comment } from '@/payload-types'

import { Button, toast, useAuth, useConfig, useSelection } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

const ACTIONS: { done: string; label: string; status: Comment['status'] }[] = [
  { done: 'approved', label: 'Approve', status: 'approved' },
  { done: 'rejected', label: 'Reject', status: 'rejected' },
  { done: 'marked as spam', label: 'Mark as spam', status: 'spam' },
]

/** Approve, reject or mark as spam the selected comments in one request, for those who may update them. */
export const ModerationActions = () => {
  const { count, getQueryParams } = useSelection()
  const { permissions } = useAuth()
  const {
    config: {
      routes: { api },
      serverURL,
    },
  } = useConfig()
  const router = useRouter()
  const [busy, setBusy] = useState(false)

  if (!permissions?.collections?.comments?.update || count === 0) return null

  const moderate = async ({ done, status }: (typeof ACTIONS)[number]) => {
    setBusy(true)
    try {
      const response = await fetch(`${serverURL}${api}/comments${getQueryParams()}`, {
        body: JSON.stringify({ status }),
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        method: 'PATCH',
      })
      const result = (await response.json()) as { docs?: unknown[]; errors?: { message: string }[] }
      const changed = result.docs?.length ?? 0
      if (changed) toast.success(`${changed} comment${changed === 1 ? '' : 's'} ${done}.`)
      if (!response.ok || result.errors?.length) toast.error(result.errors?.[0]?.message ?? 'The comments could not be updated.')
      router.refresh()
    } catch {
      toast.error('The comments could not be updated: the server did not answer.')
    } finally {
      setBusy(false)
    }
  }

  return (
    <div aria-label="Moderate the selected comments" role="toolbar" style={{ display: 'flex', gap: 8, marginBottom: 16 }}>
      <span style={{ alignSelf: 'center' }}>{count} selected:</span>
      {ACTIONS.map((action) => (
        <Button
          buttonStyle={action.status === 'approved' ? 'primary' : 'secondary'}
          disabled={busy}
          key={action.status}
          margin={false}
          onClick={() => void moderate(action)}
          size="small"
        >
          {action.label}
        </Button>
      ))}
    </div>
  )
}
