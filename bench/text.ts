import { pick, randomInt } from './random'

// Plain news vocabulary: the bodies are sized and shaped like real copy, not meant to be read.
// prettier-ignore
const WORDS = [
  'city', 'council', 'budget', 'vote', 'residents', 'report', 'plan', 'school', 'board', 'water', 'river', 'bridge',
  'road', 'traffic', 'police', 'court', 'judge', 'ruling', 'market', 'prices', 'housing', 'rent', 'workers', 'union',
  'strike', 'hospital', 'doctors', 'patients', 'health', 'season', 'team', 'coach', 'match', 'league', 'festival',
  'museum', 'artists', 'library', 'park', 'weather', 'storm', 'flood', 'harvest', 'farmers', 'port', 'ships', 'trade',
  'energy', 'power', 'grid', 'solar', 'wind', 'project', 'contract', 'company', 'jobs', 'office', 'mayor', 'minister',
  'election', 'campaign', 'candidates', 'survey', 'data', 'figures', 'growth', 'decline', 'increase', 'cost', 'funding',
  'grant', 'program', 'service', 'station', 'train', 'bus', 'airport', 'flights', 'tourists', 'visitors', 'students',
  'teachers', 'parents', 'families', 'children', 'neighbours', 'district', 'region', 'county', 'village', 'coast',
  'forest', 'fire', 'crews', 'rescue', 'volunteers', 'charity', 'donations', 'said', 'announced', 'confirmed', 'expects',
  'plans', 'approved', 'rejected', 'opened', 'closed', 'delayed', 'reported', 'warned', 'agreed', 'asked', 'after',
  'before', 'during', 'since', 'despite', 'because', 'while', 'the', 'the', 'the', 'a', 'a', 'of', 'of', 'in', 'in',
  'on', 'to', 'to', 'and', 'and', 'for', 'with', 'from', 'new', 'local', 'first', 'last', 'next', 'early', 'late',
  'major', 'small', 'public', 'private', 'national', 'regional', 'annual', 'weekly', 'several', 'many', 'most', 'more',
] as const

// prettier-ignore
const FIRST_NAMES = [
  'Ada', 'Amir', 'Ana', 'Ben', 'Chen', 'Dara', 'Elif', 'Femi', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Kenji', 'Lena',
  'Maya', 'Nils', 'Omar', 'Priya', 'Rosa', 'Sam', 'Tariq', 'Una', 'Vera', 'Yusuf', 'Zoe',
] as const

// prettier-ignore
const LAST_NAMES = [
  'Adler', 'Banerjee', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Haddad', 'Ito', 'Jansen', 'Kowalski',
  'Larsen', 'Moreau', 'Novak', 'Okafor', 'Petrov', 'Quinn', 'Rossi', 'Silva', 'Tanaka', 'Ulloa', 'Varga', 'Weber',
] as const

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)

export const words = (random: () => number, count: number): string[] =>
  Array.from({ length: count }, () => pick(random, WORDS))

export const sentence = (random: () => number, min = 8, max = 20): string =>
  `${capitalize(words(random, randomInt(random, min, max)).join(' '))}.`

export const headline = (random: () => number): string => capitalize(words(random, randomInt(random, 5, 10)).join(' '))

export const personName = (random: () => number): string => `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`

export const slugOf = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

export const countWords = (text: string): number => text.split(/\s+/).filter(Boolean).length
