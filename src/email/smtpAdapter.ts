import type { EmailAdapter } from 'payload'

import nodemailer from 'nodemailer'

import type { SMTPSettings } from '@/env'

/**
 * Payload's email adapter over nodemailer's SMTP transport, as `@payloadcms/email-nodemailer` does.
 * That package is not used: there is no 3.90.2 release of it, and 3.90.1 requires payload 3.90.1 exactly.
 * Timeouts are short, so a mail server that does not answer fails a send instead of leaving it open.
 *
 * Delivery is not awaited: Payload sends auth mails (forgot-password, verification) inside the
 * operation's transaction, which holds this process's write turn, so a slow mail server would hold
 * up every write, and a reset for a real account would answer measurably later than one for an
 * unknown address. Failures are logged.
 */
export const smtpAdapter = ({ auth, fromAddress, fromName, host, port, secure }: SMTPSettings): EmailAdapter => {
  const transport = nodemailer.createTransport({
    auth,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    host,
    port,
    secure,
    socketTimeout: 30_000,
  })
  return ({ payload }) => ({
    name: 'smtp',
    defaultFromAddress: fromAddress,
    defaultFromName: fromName,
    sendEmail: async (message) => {
      transport
        .sendMail({ from: { address: fromAddress, name: fromName }, ...message })
        .catch((err: unknown) => payload.logger.error({ err, msg: `Could not send the mail "${message.subject}".` }))
    },
  })
}
