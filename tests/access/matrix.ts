import type { DataFromCollectionSlug } from 'payload'

/** Who asks: the public, then the staff roles from the least to the most powerful. */
export const roles = ['anonymous', 'contributor', 'author', 'editor', 'admin'] as const
export type MatrixRole = (typeof roles)[number]
export type StaffRole = Exclude<MatrixRole, 'anonymous'>

/** Whose documents count as someone else's for each role: a peer or a neighbour, never the role itself. */
export const someoneElse: Record<MatrixRole, StaffRole> = {
  admin: 'editor',
  anonymous: 'author',
  author: 'contributor',
  contributor: 'author',
  editor: 'author',
}

export const collections = ['articles', 'authors', 'tags', 'comments', 'users', 'media', 'audit-log', 'redirects'] as const
export type MatrixCollection = (typeof collections)[number]

export const operations = ['create', 'read', 'update', 'delete'] as const
export type Operation = (typeof operations)[number]

/** The collections with Payload auth, and what only they offer: `unlock` lifts an account's login lockout. */
export const authCollections = ['users'] as const
export type AuthCollection = (typeof authCollections)[number]

export const authOperations = ['unlock'] as const
export type AuthOperation = (typeof authOperations)[number]

/**
 * Every outcome a cell may hold, per collection and operation, with the words the README shows for it.
 * Each outcome is precise enough for a test to know which fixture documents the role reaches and which it
 * must not: "own" is `createdBy` (articles, media) or the byline's `user` (authors), "published" is
 * `_status: 'published'`, and "never published" is an empty `publishedAt`.
 */
export const outcomes = {
  articles: {
    create: { none: '—', drafts: 'drafts only', any: 'drafts and published' },
    read: { published: 'published only', all: 'all, drafts included' },
    update: {
      none: '—',
      'own-never-published': 'own (`createdBy`) until first published; cannot publish',
      own: 'own (`createdBy`), publishing included',
      all: 'all',
    },
    delete: { none: '—', 'own-drafts': 'own (`createdBy`) drafts', all: 'all' },
  },
  authors: {
    create: { none: '—', any: 'yes' },
    read: { all: 'all' },
    update: { none: '—', 'own-profile': 'own profile (its `user` is self)', all: 'all' },
    delete: { none: '—', all: 'all' },
  },
  tags: {
    create: { none: '—', any: 'yes' },
    read: { public: 'non-internal only', all: 'all, internal included' },
    update: { none: '—', all: 'all' },
    delete: { none: '—', all: 'all' },
  },
  comments: {
    create: { pending: 'yes, always `pending`', any: 'yes, `status` included' },
    read: { 'approved-on-published': '`approved` ones on published articles', all: 'all' },
    update: { none: '—', all: 'all (moderation)' },
    delete: { none: '—', all: 'all' },
  },
  users: {
    create: { none: '—', any: 'yes, `role` included' },
    read: { none: '—', self: 'self only', all: 'all' },
    update: { none: '—', self: 'self, not own `role`', all: 'all, `role` included' },
    delete: { none: '—', all: 'all' },
    unlock: { none: '—', any: 'any account' },
  },
  media: {
    create: { none: '—', any: 'yes' },
    read: { all: 'all' },
    update: { none: '—', own: 'own uploads (`createdBy`)', all: 'all' },
    delete: { none: '—', own: 'own uploads (`createdBy`)', all: 'all' },
  },
  'audit-log': {
    create: { none: '—' },
    read: { none: '—', content: 'entries about articles, authors, tags, comments and media', all: 'all' },
    update: { none: '—' },
    delete: { none: '—' },
  },
  redirects: {
    create: { none: '— (recorded by the hooks alone)' },
    read: { none: '— (the `/redirect` lookups answer for them)', all: 'all' },
    update: { none: '—' },
    delete: { none: '—', all: 'all' },
  },
} as const satisfies {
  [C in MatrixCollection]: { [O in Operation]: Record<string, string> } & (C extends AuthCollection
    ? { [O in AuthOperation]: Record<string, string> }
    : unknown)
}

export type Outcome<C extends MatrixCollection, O extends Operation> = Extract<keyof (typeof outcomes)[C][O], string>

export type AuthOutcome<C extends AuthCollection, O extends AuthOperation> = Extract<keyof (typeof outcomes)[C][O], string>

export type Cell<C extends MatrixCollection> = { [O in Operation]: Outcome<C, O> } & {
  /** Fields the role never sees, not even on documents it may read. */
  hidden?: readonly Extract<keyof DataFromCollectionSlug<C>, string>[]
} & (C extends AuthCollection ? { [O in AuthOperation]: AuthOutcome<C, O> } : unknown)

export type AccessMatrix = { [C in MatrixCollection]: Record<MatrixRole, Cell<C>> }

/** The access contract: the tests in this folder and the README table are both generated from it. */
export const matrix: AccessMatrix = {
  articles: {
    anonymous: {
      create: 'none',
      read: 'published',
      update: 'none',
      delete: 'none',
      hidden: ['createdBy', 'generateSlug', 'workflow', 'reviewNote', 'updatedBy'],
    },
    contributor: { create: 'drafts', read: 'all', update: 'own-never-published', delete: 'none' },
    author: { create: 'any', read: 'all', update: 'own', delete: 'own-drafts' },
    editor: { create: 'any', read: 'all', update: 'all', delete: 'all' },
    admin: { create: 'any', read: 'all', update: 'all', delete: 'all' },
  },
  authors: {
    anonymous: { create: 'none', read: 'all', update: 'none', delete: 'none', hidden: ['generateSlug', 'user'] },
    contributor: { create: 'none', read: 'all', update: 'own-profile', delete: 'none' },
    author: { create: 'none', read: 'all', update: 'own-profile', delete: 'none' },
    editor: { create: 'any', read: 'all', update: 'all', delete: 'all' },
    admin: { create: 'any', read: 'all', update: 'all', delete: 'all' },
  },
  tags: {
    anonymous: { create: 'none', read: 'public', update: 'none', delete: 'none', hidden: ['generateSlug', 'adminTitle'] },
    contributor: { create: 'none', read: 'all', update: 'none', delete: 'none' },
    author: { create: 'any', read: 'all', update: 'none', delete: 'none' },
    editor: { create: 'any', read: 'all', update: 'all', delete: 'all' },
    admin: { create: 'any', read: 'all', update: 'all', delete: 'all' },
  },
  comments: {
    anonymous: {
      create: 'pending',
      read: 'approved-on-published',
      update: 'none',
      delete: 'none',
      hidden: ['authorEmail', 'status'],
    },
    contributor: {
      create: 'pending',
      read: 'approved-on-published',
      update: 'none',
      delete: 'none',
      hidden: ['authorEmail', 'status'],
    },
    author: {
      create: 'pending',
      read: 'approved-on-published',
      update: 'none',
      delete: 'none',
      hidden: ['authorEmail', 'status'],
    },
    editor: { create: 'any', read: 'all', update: 'all', delete: 'all' },
    admin: { create: 'any', read: 'all', update: 'all', delete: 'all' },
  },
  users: {
    anonymous: { create: 'none', read: 'none', update: 'none', delete: 'none', unlock: 'none' },
    contributor: { create: 'none', read: 'self', update: 'self', delete: 'none', unlock: 'none' },
    author: { create: 'none', read: 'self', update: 'self', delete: 'none', unlock: 'none' },
    editor: { create: 'none', read: 'all', update: 'self', delete: 'none', unlock: 'none' },
    admin: { create: 'any', read: 'all', update: 'all', delete: 'all', unlock: 'any' },
  },
  media: {
    anonymous: { create: 'none', read: 'all', update: 'none', delete: 'none', hidden: ['createdBy'] },
    contributor: { create: 'any', read: 'all', update: 'own', delete: 'own' },
    author: { create: 'any', read: 'all', update: 'own', delete: 'own' },
    editor: { create: 'any', read: 'all', update: 'all', delete: 'all' },
    admin: { create: 'any', read: 'all', update: 'all', delete: 'all' },
  },
  'audit-log': {
    anonymous: { create: 'none', read: 'none', update: 'none', delete: 'none' },
    contributor: { create: 'none', read: 'none', update: 'none', delete: 'none' },
    author: { create: 'none', read: 'none', update: 'none', delete: 'none' },
    editor: { create: 'none', read: 'content', update: 'none', delete: 'none' },
    admin: { create: 'none', read: 'all', update: 'none', delete: 'none' },
  },
  redirects: {
    anonymous: { create: 'none', read: 'none', update: 'none', delete: 'none' },
    contributor: { create: 'none', read: 'all', update: 'none', delete: 'none' },
    author: { create: 'none', read: 'all', update: 'none', delete: 'none' },
    editor: { create: 'none', read: 'all', update: 'none', delete: 'none' },
    admin: { create: 'none', read: 'all', update: 'none', delete: 'all' },
  },
}

/** The words for one cell: the outcome's label, and for reads the fields the role never sees. */
export const describeCell = <C extends MatrixCollection>(collection: C, role: MatrixRole, operation: Operation): string => {
  const cell: Cell<C> = matrix[collection][role]
  const labels: Record<string, string> = outcomes[collection][operation]
  const label = labels[cell[operation]]
  if (operation !== 'read' || !cell.hidden?.length) return label
  return `${label}; never ${cell.hidden.map((field) => `\`${field}\``).join(', ')}`
}

/** The words for one cell of an account operation. */
export const describeAuthCell = <C extends AuthCollection>(collection: C, role: MatrixRole, operation: AuthOperation): string => {
  const labels: Record<string, string> = outcomes[collection][operation]
  return labels[matrix[collection][role][operation]]
}

const capitalized = (word: string): string => word[0].toUpperCase() + word.slice(1)

const table = (headings: string[], rows: string[][]): string[] => [
  `| ${headings.join(' | ')} |`,
  `| ${headings.map(() => '---').join(' | ')} |`,
  ...rows.map((cells) => `| ${cells.join(' | ')} |`),
]

/** The markdown that README.md holds between its access-table markers. */
export const renderAccessTable = (): string => {
  const rows = collections.flatMap((collection) =>
    roles.map((role) => [collection, role, ...operations.map((operation) => describeCell(collection, role, operation))]),
  )
  const authRows = authCollections.flatMap((collection) =>
    roles.map((role) => [collection, role, ...authOperations.map((operation) => describeAuthCell(collection, role, operation))]),
  )
  return [
    'Generated from `tests/access/matrix.ts`, which the access tests run against every role over the Local API,',
    'REST and GraphQL; `tests/access/readme-table.test.ts` fails when these tables and the matrix differ.',
    '',
    ...table(['Collection', 'Role', ...operations.map(capitalized)], rows),
    '',
    'Account operations: `unlock` (REST `POST /api/users/unlock`, GraphQL `unlockUser`) lifts the lockout',
    'that failed logins put on an account.',
    '',
    ...table(['Collection', 'Role', ...authOperations.map(capitalized)], authRows),
  ].join('\n')
}
