/** The redirects collection's slug, for the hooks and the lookup that write and read it. */
export const REDIRECTS_SLUG = 'redirects'
