import type { EmailAdapter } from 'payload'

import nodemailer from 'nodemailer'

import type { SMTPSettings } from '@/env'

/**
 * Payload's email adapter over nodemailer's SMTP transport, as `@payloadcms/email-nodemailer` does.
 * That package is not used: there is no 3.90.2 release of it, and 3.90.1 requires payload 3.90.1 exactly.
 * Timeouts are short, so a mail server that does not answer fails a send instead of leaving it open.
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
  return () => ({
    name: 'smtp',
    defaultFromAddress: fromAddress,
    defaultFromName: fromName,
    sendEmail: (message) => transport.sendMail({ from: { address: fromAddress, name: fromName }, ...message }),
  })
}
