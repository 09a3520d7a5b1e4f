import type { TextField } from 'payload'

/** The display name of a byline or a tag: its title in the admin and the source of its slug. */
export const nameField: TextField = {
  name: 'name',
  type: 'text',
  maxLength: 120,
  required: true,
}
