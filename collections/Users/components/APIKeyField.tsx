'use client'

import type { User } from '@/payload-types'

import { Button, CopyToClipboard, toast, useAuth, useConfig, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

type ErrorBody = { errors?: { data?: { errors?: { message: string }[] }; message: string }[] }

/** The most precise message of a Payload error answer: a field's own message, else the error's. */
const messageOf = (body: ErrorBody | null, fallback: string): string =>
  body?.errors?.[0]?.data?.errors?.[0]?.message ?? body?.errors?.[0]?.message ?? fallback

/**
 * The account's API key, in place of Payload's own controls (which make the key in the browser and
 * send it without a password): the server makes it on `POST /api/users/:id/api-key`, after the
 * current password when the account is one's own, and it is shown here once.
 */
export const APIKeyField = () => {
  const { id } = useDocumentInfo()
  const { user } = useAuth<User>()
  const router = useRouter()
  const {
    config: {
      routes: { api },
      serverURL,
    },
  } = useConfig()
  const stored = useFormFields(([fields]) => Boolean(fields?.enableAPIKey?.value))
  const [hasKey, setHasKey] = useState<boolean | null>(null)
  const [issuedKey, setIssuedKey] = useState<null | string>(null)
  const [currentPassword, setCurrentPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<null | string>(null)

  // A key belongs to a saved account.
  if (id === undefined || id === null || !user) return null
  const isOwn = String(user.id) === String(id)
  const mayChange = isOwn || user.role === 'admin'
  const keyIsSet = hasKey ?? stored

  const send = async (method: 'DELETE' | 'POST', done: (body: { apiKey?: string }) => void, failure: string) => {
    setBusy(true)
    setError(null)
    try {
      const response = await fetch(`${serverURL}${api}/users/${encodeURIComponent(String(id))}/api-key`, {
        body: method === 'POST' ? JSON.stringify(isOwn ? { currentPassword } : {}) : undefined,
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        method,
      })
      const body = (await response.json().catch(() => null)) as ({ apiKey?: string } & ErrorBody) | null
      if (!response.ok) return setError(messageOf(body, failure))
      done(body ?? {})
      // The server changed the account: the form takes its new data, or Payload would warn at the
      // next edit that someone else had modified the document.
      router.refresh()
    } catch {
      setError(`${failure} The server did not answer.`)
    } finally {
      setBusy(false)
    }
  }

  const generate = () =>
    send(
      'POST',
      ({ apiKey }) => {
        setIssuedKey(apiKey ?? null)
        setHasKey(true)
        setCurrentPassword('')
        toast.success('API key created. Copy it now: it will not be shown again.')
      },
      'The API key could not be created.',
    )

  const revoke = () =>
    send(
      'DELETE',
      () => {
        setIssuedKey(null)
        setHasKey(false)
        toast.success('API key revoked.')
      },
      'The API key could not be revoked.',
    )

  return (
    <div className="field-type api-key-field" style={{ marginBottom: 'var(--base)' }}>
      <h3 style={{ marginBottom: 'calc(var(--base) / 2)' }}>API key</h3>
      <p id="api-key-status">
        {keyIsSet ? 'This account has an API key.' : 'This account has no API key.'} A server-side frontend sends it as{' '}
        <code>Authorization: users API-Key &lt;key&gt;</code>.
      </p>
      {issuedKey && (
        <div className="field-type text" style={{ marginBottom: 'var(--base)' }}>
          <label className="field-label" htmlFor="issued-api-key">
            New API key <CopyToClipboard value={issuedKey} />
          </label>
          <input id="issued-api-key" readOnly type="text" value={issuedKey} />
          <p className="field-description">Copy it now: it will not be shown again.</p>
        </div>
      )}
      {mayChange && (
        <>
          {isOwn && (
            <div className="field-type text" style={{ marginBottom: 'calc(var(--base) / 2)' }}>
              <label className="field-label" htmlFor="api-key-current-password">
                Current password (to create or replace your key)
              </label>
              <input
                autoComplete="current-password"
                id="api-key-current-password"
                onChange={(event) => setCurrentPassword(event.target.value)}
                type="password"
                value={currentPassword}
              />
            </div>
          )}
          {error && (
            <p className="field-error" role="alert" style={{ color: 'var(--theme-error-500)' }}>
              {error}
            </p>
          )}
          <div style={{ display: 'flex', gap: 'calc(var(--base) / 2)' }}>
            <Button
              buttonStyle="secondary"
              disabled={busy || (isOwn && !currentPassword)}
              id="api-key-create"
              margin={false}
              onClick={() => void generate()}
              size="small"
            >
              {keyIsSet ? 'Replace API key' : 'Create API key'}
            </Button>
            {keyIsSet && (
              <Button
                buttonStyle="secondary"
                disabled={busy}
                id="api-key-revoke"
                margin={false}
                onClick={() => void revoke()}
                size="small"
              >
                Revoke API key
              </Button>
            )}
          </div>
        </>
      )}
    </div>
  )
}
