import { Gutter } from '@payloadcms/ui'
import Link from 'next/link'

export type ListTab = { active: boolean; href: string; label: string }

const tabStyle = (active: boolean): React.CSSProperties => ({
  background: active ? 'var(--theme-elevation-800)' : 'var(--theme-elevation-100)',
  borderRadius: 'var(--style-radius-s)',
  color: active ? 'var(--theme-elevation-0)' : 'var(--theme-elevation-800)',
  padding: '4px 12px',
  textDecoration: 'none',
})

/** Tabs above an admin list (the moderation queues, the review queue), each an ordinary list filter. */
export const ListTabs = ({ label, tabs }: { label: string; tabs: ListTab[] }) => (
  <Gutter>
    <nav aria-label={label} style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 16 }}>
      {tabs.map((tab) => (
        <Link aria-current={tab.active ? 'page' : undefined} href={tab.href} key={tab.label} prefetch={false} style={tabStyle(tab.active)}>
          {tab.label}
        </Link>
      ))}
    </nav>
  </Gutter>
)
