import type { FieldHook } from 'payload'

/** Runs before validation, so a name or comment of only spaces fails `required` and lengths count real text. */
export const trimWhitespace: FieldHook = ({ value }) => (typeof value === 'string' ? value.trim() : value)
