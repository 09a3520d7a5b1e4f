import type { Role } from '@/access/roles'

import type { Block } from '../lexical'

export type AuthorSeed = {
  /** The demo login that writes under this byline, if any (see `demoLogins`). */
  account?: Role
  bio: Block[]
  jobTitle: string
  links: { label: string; url: string }[]
  name: string
  slug: string
}

// Fictional journalists: the names, bios and links are invented for the demo (`.example` is a reserved domain).
export const authors: AuthorSeed[] = [
  {
    name: 'Marina Volkova',
    slug: 'marina-volkova',
    account: 'author',
    bio: [
      'Marina Volkova is our Far East correspondent, based in Vladivostok. She covers fisheries, ports and the politics of Primorsky Krai, and has reported from trawlers in the Sea of Japan and the Sea of Okhotsk.',
      'Before joining the newsroom she spent six years at a regional daily in Khabarovsk.',
    ],
    jobTitle: 'Far East correspondent',
    links: [
      { label: 'Mastodon', url: 'https://mastodon.example/@mvolkova' },
      { label: 'Secure tips', url: 'https://tips.newsroom.example/marina-volkova' },
    ],
  },
  {
    name: 'Tomás Ferreira',
    slug: 'tomas-ferreira',
    account: 'contributor',
    bio: [
      'Tomás Ferreira writes about energy, housing and city government from Lisbon. He is a contributing reporter and a former transport engineer.',
    ],
    jobTitle: 'Contributing reporter, Lisbon',
    links: [{ label: 'Personal site', url: 'https://tomasferreira.example' }],
  },
  {
    name: 'Helen Okafor',
    slug: 'helen-okafor',
    bio: [
      'Helen Okafor is a freelance writer covering climate and energy on Atlantic islands, from the Azores to the Canaries. Her long-form work appears here most weekends.',
    ],
    jobTitle: 'Freelance writer, climate and energy',
    links: [
      { label: 'Portfolio', url: 'https://helenokafor.example' },
      { label: 'Newsletter', url: 'https://islands.newsletter.example' },
    ],
  },
]
