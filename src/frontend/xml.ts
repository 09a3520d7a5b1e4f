import { XMLBuilder } from 'fast-xml-parser'

/** An element's content: text, attributes (`@_name`), children, or lists of repeated children. */
export type XMLNode = { [name: string]: undefined | XMLNode | XMLNode[] | number | string } | number | string

// The builder escapes `&`, `<`, `>` and quotes in text and attributes; keys left undefined are skipped.
// Boolean-looking attribute values stay written out (`isPermaLink="true"`): XML has no bare attributes.
const builder = new XMLBuilder({
  attributeNamePrefix: '@_',
  format: true,
  ignoreAttributes: false,
  suppressBooleanAttributes: false,
  suppressEmptyNode: true,
})

// Characters XML 1.0 cannot carry at all, even escaped (most C0 controls, lone surrogates): a
// stray one pasted into a title would make the whole document unreadable to every parser.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

const clean = (node: unknown): unknown => {
  if (typeof node === 'string') return node.replace(NOT_XML, '')
  if (Array.isArray(node)) return node.map(clean)
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, clean(value)]))
  return node
}

/** A whole XML document (declaration included) from one root element. */
export const buildXML = (root: Record<string, XMLNode>): string =>
  // The declaration's attributes in the order XML requires: version, then encoding.
  builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, ...(clean(root) as object) })
