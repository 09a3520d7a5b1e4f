import type { AddressInfo } from 'net'

import { SMTPServer } from 'smtp-server'
import { expect, vi } from 'vitest'

export type Mail = { from: string; raw: string; subject: string; text: string; to: string[] }

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

export type TestSMTPServer = {
  close: () => Promise<void>
  /** The SMTP settings that point the app at this server; set them before the config is imported. */
  env: Record<string, string>
  mails: Mail[]
  /** Waits until `count` mails have arrived in total, and returns them. */
  mailsArrived: (count: number) => Promise<Mail[]>
}

/**
 * A real SMTP server in the test's process, with the login the app is configured with.
 * `delayMs` holds each message that long before accepting it, like a slow mail server; `onMail`
 * hears of each accepted message (the browser suite writes them where its test files read them).
 */
export const startSMTPServer = async ({ delayMs = 0, onMail }: { delayMs?: number; onMail?: (mail: Mail) => void } = {}): Promise<TestSMTPServer> => {
  const mails: Mail[] = []
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
      stream.on('end', () =>
        setTimeout(() => {
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : ''
          const mail = parse(Buffer.concat(chunks).toString('utf8'), from, session.envelope.rcptTo.map(({ address }) => address))
          mails.push(mail)
          onMail?.(mail)
          callback()
        }, delayMs),
      )
    },
  })
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  const { port } = smtp.server.address() as AddressInfo
  let closed: Promise<void> | undefined
  return {
    close: () => (closed ??= new Promise<void>((resolve) => smtp.close(() => resolve()))),
    env: {
      EMAIL_FROM: 'Newsroom Desk <desk@newsroom.test>',
      SMTP_HOST: '127.0.0.1',
      SMTP_PASS: 'smtp-secret',
      SMTP_PORT: String(port),
      SMTP_USER: 'newsroom',
    },
    mails,
    mailsArrived: async (count) => {
      await vi.waitFor(() => expect(mails.length).toBeGreaterThanOrEqual(count), { interval: 50, timeout: 10_000 })
      return mails.slice(0, count)
    },
  }
}
