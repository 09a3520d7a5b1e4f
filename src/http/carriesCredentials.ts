/**
 * Whether a request carries a credential, valid or not: a JWT or API key header, or Payload's
 * session cookie (the config keeps the default `payload` cookie prefix). It says nothing about
 * whether the credential is good; Payload checks that.
 */
export const carriesCredentials = (request: Request): boolean =>
  request.headers.has('authorization') || /(?:^|;\s*)payload-token=/.test(request.headers.get('cookie') ?? '')
