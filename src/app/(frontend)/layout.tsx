import type { Metadata } from 'next'

import Link from 'next/link'
import React from 'react'

import './styles.css'

export const metadata: Metadata = {
  description: 'News from the Newsroom demo site, served by the public API of the Newsroom CMS.',
  title: { default: 'Newsroom', template: '%s · Newsroom' },
}

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
      </header>
      <main id="main">{children}</main>
      <footer className="site-footer">
        <p>A reference frontend for the Newsroom CMS: everything here comes from its public API.</p>
      </footer>
    </body>
  </html>
)

export default FrontendLayout
