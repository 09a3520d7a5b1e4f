import path from 'path'

import { root } from '../helpers/server'

/** Screenshots and the server log of the last run, for a person to look at (git-ignored). */
export const ARTIFACTS_DIR = path.join(root, 'tests/e2e/artifacts')
/** Every mail the app sent during the run, one JSON object per line (tests/helpers/smtp.ts `Mail`). */
export const MAILBOX = path.join(ARTIFACTS_DIR, 'mailbox.jsonl')

/** Debian's `chromium` package: nothing downloads a browser at install time. */
export const CHROMIUM_PATH = '/usr/bin/chromium'

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export const E2E_SECRET = 'e2e-test-secret-not-for-production'

/** The server's PREVIEW_SECRET: the admin's preview links carry it, and a test builds one by hand. */
export const E2E_PREVIEW_SECRET = 'e2e-preview-secret-not-for-production'
