import type { SanitizedServerEditorConfig } from '@payloadcms/richtext-lexical'

/** Registered by Lexical in every editor, whatever its features (`root` only ever as the top node). */
const CORE_NODE_TYPES = ['linebreak', 'paragraph', 'tab', 'text']

/** Offered node types that carry no URL and no document reference: being offered is enough. */
const INERT_NODE_TYPES = new Set(['heading', 'horizontalrule', 'list', 'listitem', 'quote'])

/** Offered node types that findUnsafeNode checks field by field. */
const CHECKED_NODE_TYPES = new Set(['autolink', 'link', 'upload'])

export type RichTextRules = {
  /** The collections an internal link may point at (the link feature's `enabledCollections`). */
  linkCollections: readonly string[]
  /** Every node type the editor offers; anything else is refused. */
  nodeTypes: ReadonlySet<string>
  /** The collections an `upload` node may point at (the upload feature's own list). */
  uploadCollections: readonly string[]
}

/**
 * The rules for one editor, derived from its features. Throws at config time when a feature brings
 * a node type nobody has reviewed (a relationship or a block carries ids of documents the reader may
 * not see), or internal links to collections it does not name: rich text is public JSON, and only
 * links whose targets are listed are checked on write and hidden on read (hooks/hideUnreadableLinks).
 */
export const richTextRules = ({ features, resolvedFeatureMap }: SanitizedServerEditorConfig): RichTextRules => {
  const offered = features.nodes.map(({ node }) => ('with' in node ? node.replace.getType() : node.getType()))
  const unreviewed = offered.filter((type) => !INERT_NODE_TYPES.has(type) && !CHECKED_NODE_TYPES.has(type))
  if (unreviewed.length) {
    throw new Error(
      `The rich text editor offers ${unreviewed.map((type) => `"${type}"`).join(', ')} nodes, which no safety rule covers: ` +
        'list them in INERT_NODE_TYPES of src/fields/richText/rules.ts if they carry no URL and no document id, or check them in findUnsafeNode.',
    )
  }
  const link = resolvedFeatureMap.get('link')?.sanitizedServerFeatureProps as
    | { disabledCollections?: unknown[]; enabledCollections?: string[] }
    | undefined
  // Without a list, LinkFeature offers every collection not hidden (users and comments included).
  if (link && (!Array.isArray(link.enabledCollections) || link.disabledCollections)) {
    throw new Error(
      'The rich text LinkFeature must name the collections internal links may point at, ' +
        "e.g. `LinkFeature({ enabledCollections: ['articles'] })` (or `[]` for external links only), not `disabledCollections`.",
    )
  }
  const upload = resolvedFeatureMap.get('upload')?.sanitizedServerFeatureProps as { enabledCollectionSlugs?: string[] } | undefined
  return {
    linkCollections: link?.enabledCollections ?? [],
    nodeTypes: new Set([...CORE_NODE_TYPES, ...offered]),
    uploadCollections: upload?.enabledCollectionSlugs ?? [],
  }
}
