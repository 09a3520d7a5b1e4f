import type { Thing, WithContext } from 'schema-dts'

import { serializeJsonLd } from '../structuredData'

/**
 * Structured data in the page. A `application/ld+json` script is a data block the browser never
 * runs, so the page's CSP (script-src with a nonce) does not apply to it and it needs no nonce.
 */
export const JsonLd = ({ data }: { data: WithContext<Thing>[] }) => (
  <script dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} type="application/ld+json" />
)
