'use client'

import React, { useState } from 'react'

type State = { kind: 'error' | 'idle' | 'sending' | 'sent'; message?: string }

type ErrorBody = { errors?: { data?: { errors?: { message: string; path: string }[] }; message: string }[] }

/** Turns the API's answer into words a reader understands; nothing is swallowed. */
const describeFailure = (status: number, body: ErrorBody | null, retryAfter: null | string): string => {
  if (status === 429) {
    const seconds = Number(retryAfter)
    return `You are commenting too quickly. Please wait ${Number.isFinite(seconds) && seconds > 0 ? `${seconds} seconds` : 'a little'} and try again.`
  }
  const fieldErrors = body?.errors?.flatMap((error) => error.data?.errors ?? []) ?? []
  if (fieldErrors.length) return fieldErrors.map(({ message, path }) => `${path}: ${message}`).join(' ')
  return body?.errors?.[0]?.message ?? `The comment could not be sent (error ${status}). Please try again later.`
}

export const CommentForm = ({ articleID }: { articleID: number }) => {
  const [state, setState] = useState<State>({ kind: 'idle' })

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = event.currentTarget
    const data = Object.fromEntries(new FormData(form))
    setState({ kind: 'sending' })
    try {
      const response = await fetch('/api/comments', {
        body: JSON.stringify({ ...data, article: articleID }),
        headers: { 'Content-Type': 'application/json' },
        method: 'POST',
      })
      if (response.status === 201) {
        form.reset()
        setState({ kind: 'sent', message: 'Thank you. Your comment is awaiting moderation.' })
        return
      }
      const body = (await response.json().catch(() => null)) as ErrorBody | null
      setState({ kind: 'error', message: describeFailure(response.status, body, response.headers.get('Retry-After')) })
    } catch {
      setState({ kind: 'error', message: 'The comment could not be sent: the connection failed. Please try again.' })
    }
  }

  return (
    <form className="comment-form" method="post" onSubmit={submit}>
      <h3>Leave a comment</h3>
      <p>
        <label htmlFor="comment-name">Name</label>
        <input autoComplete="name" id="comment-name" maxLength={80} name="authorName" required />
      </p>
      <p>
        <label htmlFor="comment-email">Email (never published)</label>
        <input autoComplete="email" id="comment-email" name="authorEmail" required type="email" />
      </p>
      <p>
        <label htmlFor="comment-body">Comment</label>
        <textarea id="comment-body" maxLength={5000} name="body" required rows={5} />
      </p>
      {/* Left empty by people; bots that fill every field are filed as spam. */}
      <p aria-hidden="true" className="honeypot">
        <label htmlFor="comment-website">Website</label>
        <input autoComplete="off" id="comment-website" name="website" tabIndex={-1} />
      </p>
      <button disabled={state.kind === 'sending'} type="submit">
        {state.kind === 'sending' ? 'Sending…' : 'Post comment'}
      </button>
      <p aria-live="polite" className={`form-status ${state.kind}`} role="status">
        {state.message}
      </p>
    </form>
  )
}
