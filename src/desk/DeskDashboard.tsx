import type { ServerProps } from 'payload'

import Link from 'next/link'

import type { User } from '@/payload-types'

import { type DeskItem, loadDesk } from './deskData'

const section: React.CSSProperties = {
  background: 'var(--theme-elevation-50)',
  borderRadius: 'var(--style-radius-m)',
  padding: 16,
}

const when = (date: null | string) =>
  date ? new Date(date).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC' : ''

type StoriesProps = {
  empty: string
  items: (DeskItem & { prefix?: string })[]
  label: string
  /** A link to the whole list in the admin, under the first few. */
  more?: { href: string; label: string }
}

const Stories = ({ empty, items, label, more }: StoriesProps) => (
  <section aria-label={label} style={section}>
    <h3 style={{ marginTop: 0 }}>{label}</h3>
    {items.length ? (
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.map((story) => (
          <li key={story.id} style={{ marginBottom: 6 }}>
            <Link href={story.url} prefetch={false}>
              {story.title}
            </Link>{' '}
            <small>
              {story.prefix}
              {when(story.date)}
            </small>
          </li>
        ))}
      </ul>
    ) : (
      <p style={{ margin: 0 }}>{empty}</p>
    )}
    {more && (
      <p style={{ marginBottom: 0 }}>
        <Link href={more.href} prefetch={false}>
          {more.label}
        </Link>
      </p>
    )}
  </section>
)

/**
 * The desk above the dashboard's collection cards: what needs the reader's attention, by role.
 * Everything is read as the reader (see `loadDesk`), so a role sees only what it may.
 */
export const DeskDashboard = async ({ payload, user }: ServerProps) => {
  const desk = user ? await loadDesk({ payload, user: user as User }) : null
  if (!desk) return null
  return (
    <div aria-label="Desk" style={{ display: 'grid', gap: 16, gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))', marginBottom: 32 }}>
      {desk.pendingComments && (
        <section aria-label="Pending comments" style={section}>
          <h3 style={{ marginTop: 0 }}>Pending comments</h3>
          <Link href={desk.pendingComments.url} prefetch={false}>
            {desk.pendingComments.count} awaiting moderation
          </Link>
        </section>
      )}
      <Stories
        empty="Nothing waits for review."
        items={desk.inReview.items}
        label="Waiting for review"
        more={{ href: desk.inReview.url, label: 'Open the review queue' }}
      />
      <Stories empty="No drafts of yours." items={desk.myDrafts} label="My drafts" />
      <Stories
        empty="Nothing scheduled."
        items={desk.scheduled.map((story) => ({ ...story, prefix: story.action === 'publish' ? 'publishes ' : 'unpublishes ' }))}
        label="Scheduled"
      />
      <Stories empty="Nothing published yet." items={desk.recentlyPublished} label="Recently published" />
    </div>
  )
}
