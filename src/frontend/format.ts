const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' })

export const formatDate = (iso?: null | string): string => (iso ? dateFormat.format(new Date(iso)) : '')
