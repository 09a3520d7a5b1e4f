import fs from 'fs'
import path from 'path'
import { validateXML } from 'xmllint-wasm'

const xsd = (fileName: string) => ({ contents: fs.readFileSync(path.join(__dirname, 'xsd', fileName), 'utf8'), fileName })

const SCHEMAS = {
  /** A news sitemap names two namespaces; news-urlset.xsd imports both schemas. */
  news: { preload: [xsd('sitemap.xsd'), xsd('sitemap-news.xsd')], schema: xsd('news-urlset.xsd') },
  sitemap: { preload: [], schema: xsd('sitemap.xsd') },
  sitemapIndex: { preload: [], schema: xsd('siteindex.xsd') },
}

/** xmllint's errors for a document against the committed XSDs; an empty list when it is valid. */
export const schemaErrors = async (xml: string, schema: keyof typeof SCHEMAS): Promise<string[]> => {
  const result = await validateXML({ xml: { contents: xml, fileName: 'document.xml' }, ...SCHEMAS[schema] })
  return result.valid ? [] : result.errors.map((error) => error.rawMessage)
}
