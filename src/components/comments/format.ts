import type { Comment } from '@/payload-types'

const EXCERPT_LENGTH = 120

/** The first words of a comment on one line, for the list; React shows it as text, so markup stays literal. */
export const excerptOf = (body: unknown): string => {
  const flat = typeof body === 'string' ? body.replace(/\s+/g, ' ').trim() : ''
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH).trimEnd()}…` : flat
}

type Signals = NonNullable<Comment['signals']>

/** What flagged a comment when it arrived: a filled honeypot, its links, and how many came just before it. */
export const signalLabels = (signals: null | Partial<Signals> | undefined): string[] => {
  if (!signals) return []
  const labels: string[] = []
  if (signals.honeypot) labels.push('honeypot')
  if (signals.links) labels.push(`${signals.links} link${signals.links === 1 ? '' : 's'}`)
  if (signals.flood) labels.push(`${signals.flood} in the hour before`)
  return labels
}
