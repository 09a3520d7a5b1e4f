import type {
  DefaultTypedEditorState,
  SerializedHeadingNode,
  SerializedListItemNode,
  SerializedListNode,
  SerializedParagraphNode,
  SerializedQuoteNode,
  SerializedTextNode,
} from '@payloadcms/richtext-lexical'

/**
 * One block of seeded body copy: a plain string is a paragraph; the objects are the few other
 * shapes a news story needs (a pull quote, a subheading, a list of points).
 */
export type Block =
  | string
  | { heading: string; tag?: 'h2' | 'h3' }
  | { list: string[]; ordered?: boolean }
  | { quote: string }

const elementDefaults = { direction: 'ltr', format: '', indent: 0, version: 1 } as const

const text = (value: string): SerializedTextNode => ({
  type: 'text',
  detail: 0,
  format: 0,
  mode: 'normal',
  style: '',
  text: value,
  version: 1,
})

const paragraph = (value: string): SerializedParagraphNode<SerializedTextNode> => ({
  ...elementDefaults,
  type: 'paragraph',
  children: [text(value)],
  textFormat: 0,
})

const quote = (value: string): SerializedQuoteNode<SerializedTextNode> => ({
  ...elementDefaults,
  type: 'quote',
  children: [text(value)],
})

const heading = (value: string, tag: 'h2' | 'h3'): SerializedHeadingNode<SerializedTextNode> => ({
  ...elementDefaults,
  type: 'heading',
  children: [text(value)],
  tag,
})

const list = (items: string[], ordered: boolean): SerializedListNode<SerializedListItemNode<SerializedTextNode>> => ({
  ...elementDefaults,
  type: 'list',
  children: items.map(
    (item, index): SerializedListItemNode<SerializedTextNode> => ({
      ...elementDefaults,
      type: 'listitem',
      checked: undefined,
      children: [text(item)],
      value: index + 1,
    }),
  ),
  listType: ordered ? 'number' : 'bullet',
  start: 1,
  tag: ordered ? 'ol' : 'ul',
})

const toNode = (block: Block) => {
  if (typeof block === 'string') return paragraph(block)
  if ('quote' in block) return quote(block.quote)
  if ('heading' in block) return heading(block.heading, block.tag ?? 'h2')
  return list(block.list, block.ordered ?? false)
}

/** Builds the editor state Payload's Lexical field stores, from blocks of plain text. */
export const richText = (blocks: Block[]): DefaultTypedEditorState => ({
  root: { ...elementDefaults, type: 'root', children: blocks.map(toNode) },
})
