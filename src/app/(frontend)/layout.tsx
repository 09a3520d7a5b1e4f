import type { Metadata } from 'next'

import Link from 'next/link'
import React from 'react'

import { pageAlternates } from '@/frontend/feeds/scope'
import { SITE_DESCRIPTION, SITE_NAME, siteOrigin } from '@/frontend/site'

import './styles.css'

export const generateMetadata = (): Metadata => ({
  alternates: pageAlternates(),
  description: SITE_DESCRIPTION,
  // Canonical links, feed links and Open Graph images resolve against the site's public origin.
  metadataBase: new URL(siteOrigin()),
  title: { default: SITE_NAME, template: `%s · ${SITE_NAME}` },
})

const FrontendLayout = ({ children }: { children: React.ReactNode }) => (
  <html lang="en">
    <body>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link className="site-name" href="/">
          Newsroom
        </Link>
        <form action="/search" className="site-search" method="get" role="search">
          <input aria-label="Search the stories" maxLength={200} name="q" placeholder="Search" type="search" />
        </form>
      </header>
      <main id="main">{children}</main>
      <footer className="site-footer">
        <p>A reference frontend for the Newsroom CMS: everything here comes from its public API.</p>
      </footer>
    </body>
  </html>
)

export default FrontendLayout
