import type { Author } from '@/payload-types'

import Link from 'next/link'
import React from 'react'

export const Byline = ({ authors }: { authors: Author[] }) => (
  <span className="byline">
    By{' '}
    {authors.map((author, index) => (
      <React.Fragment key={author.id}>
        {index > 0 && (index === authors.length - 1 ? ' and ' : ', ')}
        <Link href={`/authors/${author.slug}`}>{author.name}</Link>
      </React.Fragment>
    ))}
  </span>
)
