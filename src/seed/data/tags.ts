export type TagSeed = {
  description?: string
  internal?: boolean
  name: string
  slug: string
}

// Regions, the people the stories name, and subjects, as an editor would tag them; one internal tag for staff.
export const tags: TagSeed[] = [
  { name: 'Primorsky Krai', slug: 'primorsky-krai', description: 'The Russian Far East region on the Sea of Japan.' },
  { name: 'Vladivostok', slug: 'vladivostok', description: 'The port city at the end of the Trans-Siberian Railway.' },
  { name: 'Lisbon', slug: 'lisbon', description: 'Portugal’s capital and its city council.' },
  { name: 'Azores', slug: 'azores', description: 'The Portuguese archipelago in the mid-Atlantic.' },
  { name: 'Olga Nechaeva', slug: 'olga-nechaeva', description: 'Marine biologist who leads the regional pollock survey.' },
  { name: 'Sergei Gladkov', slug: 'sergei-gladkov', description: 'Head of the regional emergency operations centre.' },
  { name: 'Anton Belyaev', slug: 'anton-belyaev', description: 'Operations director of Golden Horn Terminal.' },
  { name: 'Inês Carvalho', slug: 'ines-carvalho', description: 'Lisbon city councillor responsible for housing and energy.' },
  { name: 'Paulo Antunes', slug: 'paulo-antunes', description: 'Union representative for the Tagus ferry crews.' },
  { name: 'Rui Medeiros', slug: 'rui-medeiros', description: 'Geothermal engineer on São Miguel, in the Azores.' },
  { name: 'Politics', slug: 'politics' },
  { name: 'Energy', slug: 'energy' },
  { name: 'Fisheries', slug: 'fisheries' },
  { name: 'Climate', slug: 'climate' },
  { name: 'Transport', slug: 'transport' },
  { name: 'Housing', slug: 'housing' },
  {
    name: 'Needs legal review',
    slug: 'needs-legal-review',
    description: 'Holds publication until the lawyers have read the story. Never shown to readers.',
    internal: true,
  },
]
