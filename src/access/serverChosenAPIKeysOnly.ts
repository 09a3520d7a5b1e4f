import type { FieldAccess } from 'payload'

import { isServerAPIKeyChange } from '@/auth/apiKeys'

/**
 * API keys are written by the server alone (`issueAPIKey`, `revokeAPIKey`). Payload applies this to
 * `enableAPIKey` and `apiKeyIndex` too, and the admin then hides its own key controls, which would
 * send a key made in the browser without the current password.
 */
export const serverChosenAPIKeysOnly: FieldAccess = ({ req }) => isServerAPIKeyChange(req.context)
