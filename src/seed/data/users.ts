import type { Role } from '@/access/roles'

export type DemoLogin = {
  email: string
  name: string
  /** A demo password, printed by the seed and listed in the README: never use these accounts on a live site. */
  password: string
  role: Role
}

/** One login per role, the admin first: the first account of a fresh install is made admin anyway. */
export const demoLogins: DemoLogin[] = [
  { name: 'Ruth Adeyemi', email: 'admin@newsroom.test', password: 'demo-admin-2026', role: 'admin' },
  { name: 'Claire Dubois', email: 'editor@newsroom.test', password: 'demo-editor-2026', role: 'editor' },
  { name: 'Marina Volkova', email: 'author@newsroom.test', password: 'demo-author-2026', role: 'author' },
  {
    name: 'Tomás Ferreira',
    email: 'contributor@newsroom.test',
    password: 'demo-contributor-2026',
    role: 'contributor',
  },
]
