import type { Comment } from '@/payload-types'

import { excerpt } from '../excerpt'

/** The first words of a comment on one line, for the list; React shows it as text, so markup stays literal. */
export const excerptOf = (body: unknown): string => excerpt(typeof body === 'string' ? body : '', 120)

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
