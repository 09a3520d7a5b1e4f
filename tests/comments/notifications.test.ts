import type { AddressInfo } from 'net'

import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { bootPayload, type TestContext } from '../helpers/bootPayload'
import { createStaff, type Staff } from '../helpers/staff'
import { commentData, createArticles, createCommentGraphQL, type Fixtures, postComment, storedComment } from './helpers'

type Mail = { from: string; raw: string; subject: string; text: string; to: string[] }

const mails: Mail[] = []

/** Undoes quoted-printable, the transfer encoding nodemailer picks for text with non-ASCII characters. */
const decodeQuotedPrintable = (body: string): string =>
  Buffer.from(
    body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8')

const parse = (raw: string, from: string, to: string[]): Mail => {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/)
  const body = rest.join('\n\n')
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ')
  const subject = /^Subject: (.*)$/m.exec(unfolded)?.[1] ?? ''
  const quoted = /^Content-Transfer-Encoding: quoted-printable$/im.test(unfolded)
  return { from, raw, subject, text: quoted ? decodeQuotedPrintable(body) : body, to: [...to].sort() }
}

// A real SMTP server in this process, with the login the app is configured with.
const smtp = new SMTPServer({
  allowInsecureAuth: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onAuth: ({ password, username }, _session, callback) =>
    username === 'newsroom' && password === 'smtp-secret'
      ? callback(null, { user: username })
      : callback(new Error('Invalid username or password')),
  onData: (stream, session, callback) => {
    const chunks: Buffer[] = []
    stream.on('data', (chunk: Buffer) => chunks.push(chunk))
    stream.on('end', () => {
      const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : ''
      mails.push(parse(Buffer.concat(chunks).toString('utf8'), from, session.envelope.rcptTo.map(({ address }) => address)))
      callback()
    })
  },
})

let ctx: TestContext
let staff: Staff
let fx: Fixtures

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  const { port } = smtp.server.address() as AddressInfo
  // Read when the config is first imported, by bootPayload.
  Object.assign(process.env, {
    EMAIL_FROM: 'Newsroom Desk <desk@newsroom.test>',
    SMTP_HOST: '127.0.0.1',
    SMTP_PASS: 'smtp-secret',
    SMTP_PORT: String(port),
    SMTP_USER: 'newsroom',
    TRUST_PROXY: '1',
  })
  ctx = await bootPayload()
  staff = await createStaff(ctx.payload)
  fx = await createArticles(ctx.payload)
})
afterAll(async () => {
  await ctx?.shutdown()
  await new Promise<void>((resolve) => smtp.close(() => resolve()))
})

/** Waits until `count` mails have arrived in total. */
const mailsArrived = async (count: number): Promise<Mail[]> => {
  await vi.waitFor(() => expect(mails.length).toBeGreaterThanOrEqual(count), { interval: 50, timeout: 10_000 })
  return mails.slice(0, count)
}

/** Gives a mail that should not be sent the time it would have taken to arrive. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 500))

describe('comments: moderator notifications', () => {
  it('mails every editor and admin, and no one else, when a reader’s comment awaits moderation', async () => {
    const body = 'The <b>ferry</b> timetable changed in 2019, not 2021.\nSee the archive.'
    const { body: response, status } = await postComment(commentData(fx.open.id, { authorName: 'Mara Lind', body }))
    expect(status).toBe(201)
    const [mail] = await mailsArrived(1)
    expect(mail.to).toEqual([staff.admin.user.email, staff.editor.user.email].sort())
    expect(mail.from).toBe('desk@newsroom.test')
    expect(mail.subject).toBe(`Comment awaiting moderation: ${fx.open.title}`)
    expect(mail.raw).toMatch(/^Content-Type: text\/plain/m)
    expect(mail.text).toContain(`Mara Lind commented on "${fx.open.title}":`)
    expect(mail.text).toContain('The <b>ferry</b> timetable changed in 2019, not 2021. See the archive.')
    expect(mail.text).toContain(`http://localhost:3000/admin/collections/comments/${response.doc.id}`)
  })

  it('mails for a GraphQL comment too', async () => {
    const before = mails.length
    const { body } = await createCommentGraphQL(commentData(fx.open.id, { authorName: 'Via GraphQL' }))
    expect(body.errors).toBeUndefined()
    const [mail] = (await mailsArrived(before + 1)).slice(before)
    expect(mail.text).toContain('Via GraphQL commented on')
  })

  it('sends nothing for spam, for a moderator’s own approved comment, or for system writes', async () => {
    const before = mails.length
    expect((await postComment(commentData(fx.open.id, { website: 'bot' }))).status).toBe(201)
    expect((await postComment(commentData(fx.open.id, { status: 'approved' }), { token: staff.editor.token })).status).toBe(201)
    await storedComment(ctx.payload, fx.open.id, { status: 'pending' })
    await settle()
    expect(mails.length).toBe(before)
  })

  it('keeps the comment and answers 201 when the mail server is down, logging the failure', async () => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()))
    // Recorded instead of printed: the failure is expected.
    const logged = vi.spyOn(ctx.payload.logger, 'error').mockImplementation(() => undefined)
    const before = mails.length
    const { body, status } = await postComment(commentData(fx.open.id, { body: 'Posted while the mail server was down.' }))
    expect(status).toBe(201)
    const stored = await ctx.payload.findByID({ collection: 'comments', id: body.doc.id })
    expect(stored).toMatchObject({ body: 'Posted while the mail server was down.', status: 'pending' })
    await vi.waitFor(
      () =>
        expect(logged).toHaveBeenCalledWith(
          expect.objectContaining({ err: expect.objectContaining({ code: 'ESOCKET' }), msg: expect.stringContaining('notify') }),
        ),
      { interval: 50, timeout: 15_000 },
    )
    expect(mails.length).toBe(before)
  })
})
