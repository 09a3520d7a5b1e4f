import type { SerializedAutoLinkNode, SerializedLinkNode, SerializedUploadNode } from '@payloadcms/richtext-lexical'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import type { JSXConverter, JSXConvertersFunction } from '@payloadcms/richtext-lexical/react'

import { RichText as LexicalRichText } from '@payloadcms/richtext-lexical/react'

import { isSafeURL } from '@/utilities/safeURL'

/** The reference frontend's page for each collection an internal link may point at. */
const PAGES: Record<string, string> = { articles: '/articles/', authors: '/authors/', tags: '/tags/' }

/**
 * An internal link's page, when its target came back populated (`depth` ≥ 1) with a slug. The CMS
 * turns links to documents the reader may not see into text; one left unpopulated renders as text.
 */
const internalHref = (doc: unknown): string | undefined => {
  const { relationTo, value } = (doc ?? {}) as { relationTo?: unknown; value?: unknown }
  const slug = typeof value === 'object' && value !== null ? (value as { slug?: unknown }).slug : undefined
  const page = typeof relationTo === 'string' && Object.hasOwn(PAGES, relationTo) ? PAGES[relationTo] : undefined
  return page && typeof slug === 'string' && slug ? `${page}${encodeURIComponent(slug)}` : undefined
}

/**
 * A link whose URL the CMS would refuse today (content stored before it checked, or written around
 * the API) renders as its text: the reader keeps the words, never a `javascript:`/`data:` href.
 */
const SafeLink: JSXConverter<SerializedAutoLinkNode | SerializedLinkNode> = ({ node, nodesToJSX }) => {
  const children = nodesToJSX({ nodes: node.children })
  const { doc, linkType, newTab, url } = node.fields ?? {}
  const internal = linkType === 'internal' || Boolean(doc)
  const href = internal ? (node.type === 'link' ? internalHref(doc) : undefined) : isSafeURL(url) ? url : undefined
  if ((linkType !== undefined && linkType !== 'custom' && linkType !== 'internal') || !href) return <>{children}</>
  return (
    <a href={href} rel={newTab ? 'noopener noreferrer' : undefined} target={newTab ? '_blank' : undefined}>
      {children}
    </a>
  )
}

// The node types the CMS editor offers, and nothing else: html, iframes, relationships, blocks and
// any other unknown node render nothing rather than Lexical's "unknown node" placeholder.
const converters: JSXConvertersFunction = ({ defaultConverters }) => {
  const { heading, horizontalrule, linebreak, list, listitem, paragraph, quote, tab, text, upload } = defaultConverters
  const safeUpload: JSXConverter<SerializedUploadNode> = (args) => {
    const { relationTo, value } = args.node
    const media = typeof value === 'object' && value !== null ? (value as { url?: unknown }) : undefined
    return relationTo === 'media' && isSafeURL(media?.url) && typeof upload === 'function' ? upload(args) : null
  }
  return {
    autolink: SafeLink,
    heading,
    horizontalrule,
    linebreak,
    link: SafeLink,
    list,
    listitem,
    paragraph,
    quote,
    tab,
    text,
    unknown: () => null,
    upload: safeUpload,
  }
}

export const RichText = ({ className, data }: { className?: string; data: SerializedEditorState }) =>
  Array.isArray(data?.root?.children) ? <LexicalRichText className={className} converters={converters} data={data} /> : null
