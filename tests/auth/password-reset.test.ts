import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { FORGOT_PASSWORD_ANSWER_MS } from '@collections/Users/endpoints/forgotPassword'

import { bootPayload, type TestContext } from '../helpers/bootPayload'
import { graphql, rest } from '../helpers/http'
import { startSMTPServer, type TestSMTPServer } from '../helpers/smtp'
import { createStaff, type Staff, STAFF_PASSWORD } from '../helpers/staff'

// A mail server that takes its time: the answer to a reset request must not wait for it.
const MAIL_DELAY_MS = 1500

let smtp: TestSMTPServer
let ctx: TestContext
let staff: Staff

beforeAll(async () => {
  smtp = await startSMTPServer({ delayMs: MAIL_DELAY_MS })
  // Read when the config is first imported, by bootPayload.
  Object.assign(process.env, smtp.env)
  ctx = await bootPayload()
  staff = await createStaff(ctx.payload)
})
afterAll(async () => {
  await ctx?.shutdown()
  await smtp?.close()
})

const mailsTo = (email: string) => smtp.mails.filter((mail) => mail.to.includes(email))

/** The reset token in the link of the mail to `email` that follows the `sent` ones before it. */
const tokenMailedTo = async (email: string, sent: number): Promise<string> => {
  await vi.waitFor(() => expect(mailsTo(email).length).toBeGreaterThan(sent), { interval: 50, timeout: 10_000 })
  const token = /\/admin\/reset\/([0-9a-f]+)/.exec(mailsTo(email)[sent].text)?.[1]
  expect(token).toMatch(/^[0-9a-f]{40}$/)
  return token!
}

const storedToken = async (email: string): Promise<null | string | undefined> => {
  const { docs } = await ctx.payload.find({ collection: 'users', showHiddenFields: true, where: { email: { equals: email } } })
  return docs[0]?.resetPasswordToken
}

const timed = async <T>(request: () => Promise<T>): Promise<{ ms: number; result: T }> => {
  const start = performance.now()
  const result = await request()
  return { ms: performance.now() - start, result }
}

describe('users: password reset', () => {
  it('answers a REST reset request alike for a real and an unknown address, without waiting for the mail', async () => {
    const email = staff.editor.user.email
    // Warm the code paths of both, so the figures below compare the requests, not a first compile.
    await rest('POST', '/users/forgot-password', { body: { email: staff.contributor.user.email } })
    await rest('POST', '/users/forgot-password', { body: { email: 'warm-up@newsroom.test' } })
    const known = await timed(() => rest('POST', '/users/forgot-password', { body: { email } }))
    const unknown = await timed(() => rest('POST', '/users/forgot-password', { body: { email: 'nobody@newsroom.test' } }))
    console.info(`forgot-password: real address ${known.ms.toFixed(1)} ms, unknown ${unknown.ms.toFixed(1)} ms`)

    expect(known.result.status).toBe(200)
    expect(unknown.result.status).toBe(200)
    expect(known.result.body).toEqual(unknown.result.body)
    // Both wait out the same fixed answer time, which covers the token write of a real account.
    expect(known.ms).toBeGreaterThanOrEqual(FORGOT_PASSWORD_ANSWER_MS - 1)
    expect(unknown.ms).toBeGreaterThanOrEqual(FORGOT_PASSWORD_ANSWER_MS - 1)
    // Answered before the slow mail server accepted the mail.
    expect(mailsTo(email)).toHaveLength(0)
    expect(await storedToken(email)).toMatch(/^[0-9a-f]{40}$/)
  })

  it('mails a link whose token resets the password over REST', async () => {
    const email = staff.editor.user.email
    const token = await tokenMailedTo(email, 0)
    expect(token).toBe(await storedToken(email))

    const reset = await rest('POST', '/users/reset-password', { body: { password: 'a-new-password-1', token } })
    expect(reset.status).toBe(200)
    expect((await rest('POST', '/users/login', { body: { email, password: 'a-new-password-1' } })).status).toBe(200)
    expect((await rest('POST', '/users/login', { body: { email, password: STAFF_PASSWORD } })).status).toBe(401)
    // A token works once.
    expect((await rest('POST', '/users/reset-password', { body: { password: 'another-password-2', token } })).status).toBe(403)
  })

  it('does the same over GraphQL', async () => {
    const email = staff.author.user.email
    const sent = mailsTo(email).length
    const known = await graphql(`mutation { forgotPasswordUser(email: "${email}") }`)
    const unknown = await graphql('mutation { forgotPasswordUser(email: "nobody-else@newsroom.test") }')
    expect(known.body).toEqual({ data: { forgotPasswordUser: true } })
    expect(unknown.body).toEqual(known.body)

    const token = await tokenMailedTo(email, sent)
    const reset = await graphql(
      'mutation ($token: String, $password: String) { resetPasswordUser(token: $token, password: $password) { token } }',
      { password: 'graphql-password-3', token },
    )
    expect(reset.body.errors).toBeUndefined()
    const login = await graphql(
      'mutation ($email: String!, $password: String) { loginUser(email: $email, password: $password) { token } }',
      { email, password: 'graphql-password-3' },
    )
    expect(login.body.errors).toBeUndefined()
    expect(login.body.data?.loginUser?.token).toBeTruthy()
  })
})
