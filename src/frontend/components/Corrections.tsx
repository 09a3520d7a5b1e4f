import type { Article } from '@/payload-types'

import { formatDate } from '../format'

/** The story's corrections, oldest first, as the newsroom appended them after publication. */
export const Corrections = ({ corrections }: { corrections: Article['corrections'] }) =>
  corrections?.length ? (
    <aside aria-labelledby="corrections-heading" className="corrections">
      <h2 id="corrections-heading">{corrections.length === 1 ? 'Correction' : 'Corrections'}</h2>
      <ul>
        {corrections.map((correction) => (
          <li key={correction.id ?? correction.date}>
            <time dateTime={correction.date}>{formatDate(correction.date)}</time>: {correction.text}
          </li>
        ))}
      </ul>
    </aside>
  ) : null
