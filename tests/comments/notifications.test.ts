import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { startSMTPServer, type TestSMTPServer } from '../helpers/smtp'
import { useStaffPayload } from '../helpers/staff'
import { commentData, createArticles, createCommentGraphQL, type Fixtures, postComment, storedComment } from './helpers'

let smtp: TestSMTPServer
let fx: Fixtures

beforeAll(async () => {
  smtp = await startSMTPServer()
  // Read when the config is first imported, by the boot below.
  Object.assign(process.env, { ...smtp.env, TRUST_PROXY: '1' })
})
// Registered first, so it runs last: after Payload has shut down.
afterAll(async () => smtp?.close())
const { ctx, staff } = useStaffPayload()
beforeAll(async () => {
  fx = await createArticles(ctx.payload)
})

/** Gives a mail that should not be sent the time it would have taken to arrive. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 500))

describe('comments: moderator notifications', () => {
  it('mails every editor and admin, and no one else, when a reader’s comment awaits moderation', async () => {
    const body = 'The <b>ferry</b> timetable changed in 2019, not 2021.\nSee the archive.'
    const { body: response, status } = await postComment(commentData(fx.open.id, { authorName: 'Mara Lind', body }))
    expect(status).toBe(201)
    const [mail] = await smtp.mailsArrived(1)
    expect(mail.to).toEqual([staff.admin.user.email, staff.editor.user.email].sort())
    expect(mail.from).toBe('desk@newsroom.test')
    expect(mail.subject).toBe(`Comment awaiting moderation: ${fx.open.title}`)
    expect(mail.raw).toMatch(/^Content-Type: text\/plain/m)
    expect(mail.text).toContain(`Mara Lind commented on "${fx.open.title}":`)
    expect(mail.text).toContain('The <b>ferry</b> timetable changed in 2019, not 2021. See the archive.')
    expect(mail.text).toContain(`http://localhost:3000/admin/collections/comments/${response.doc.id}`)
  })

  it('mails for a GraphQL comment too', async () => {
    const before = smtp.mails.length
    const { body } = await createCommentGraphQL(commentData(fx.open.id, { authorName: 'Via GraphQL' }))
    expect(body.errors).toBeUndefined()
    const [mail] = (await smtp.mailsArrived(before + 1)).slice(before)
    expect(mail.text).toContain('Via GraphQL commented on')
  })

  it('sends nothing for spam, for a moderator’s own approved comment, or for system writes', async () => {
    const before = smtp.mails.length
    expect((await postComment(commentData(fx.open.id, { website: 'bot' }))).status).toBe(201)
    expect((await postComment(commentData(fx.open.id, { status: 'approved' }), { token: staff.editor.token })).status).toBe(201)
    await storedComment(ctx.payload, fx.open.id, { status: 'pending' })
    await settle()
    expect(smtp.mails.length).toBe(before)
  })

  it('keeps the comment and answers 201 when the mail server is down, logging the failure', async () => {
    await smtp.close()
    // Recorded instead of printed: the failure is expected.
    const logged = vi.spyOn(ctx.payload.logger, 'error').mockImplementation(() => undefined)
    const before = smtp.mails.length
    const { body, status } = await postComment(commentData(fx.open.id, { body: 'Posted while the mail server was down.' }))
    expect(status).toBe(201)
    const stored = await ctx.payload.findByID({ collection: 'comments', id: body.doc.id })
    expect(stored).toMatchObject({ body: 'Posted while the mail server was down.', status: 'pending' })
    await vi.waitFor(
      () =>
        expect(logged).toHaveBeenCalledWith(
          expect.objectContaining({ err: expect.objectContaining({ code: 'ESOCKET' }), msg: expect.stringContaining('Comment awaiting moderation') }),
        ),
      { interval: 50, timeout: 15_000 },
    )
    expect(smtp.mails.length).toBe(before)
  })
})
