import type { ReadMoreLink } from '../api'

import Link from 'next/link'

const hrefOf = (link: ReadMoreLink): string =>
  link.kind === 'external' ? (link.url ?? '#') : `/${link.collection}/${link.slug ?? link.id}`

export const ReadMore = ({ links }: { links: ReadMoreLink[] }) =>
  links.length ? (
    <aside aria-labelledby="read-more-heading" className="read-more">
      <h2 id="read-more-heading">Read more about:</h2>
      <ul>
        {links.map((link) => (
          <li key={`${link.kind}:${link.collection ?? ''}:${link.id ?? link.url}`}>
            {link.kind === 'external' ? (
              <a href={hrefOf(link)} rel="noopener noreferrer">
                {link.title}
              </a>
            ) : (
              <>
                {link.context && <span className="meta">In {link.context.name}: </span>}
                <Link href={hrefOf(link)}>{link.title}</Link>
              </>
            )}
          </li>
        ))}
      </ul>
    </aside>
  ) : null
