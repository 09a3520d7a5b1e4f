/** Small builders for Lexical editor states, as the admin editor (or a hostile client) sends them. */
type Node = { [key: string]: unknown; type: string; version: number }

const element = { direction: 'ltr', format: '', indent: 0, version: 1 } as const

export const text = (value: string): Node => ({ type: 'text', detail: 0, format: 0, mode: 'normal', style: '', text: value, version: 1 })

export const paragraph = (...children: Node[]): Node => ({ ...element, type: 'paragraph', children, textFormat: 0 })

export const link = (url: unknown, fields: Record<string, unknown> = {}): Node => ({
  ...element,
  type: 'link',
  children: [text('the details')],
  fields: { linkType: 'custom', newTab: false, url, ...fields },
  version: 3,
})

/** An internal link to a document, as the admin's link drawer stores it: collection and bare id. */
export const internalLink = (relationTo: string, value: unknown, words = 'the linked page'): Node => ({
  ...link(null, { doc: { relationTo, value }, linkType: 'internal' }),
  children: [text(words)],
})

export const autolink = (url: string): Node => ({
  ...element,
  type: 'autolink',
  children: [text(url)],
  fields: { linkType: 'custom', url },
  version: 2,
})

export const list = (...items: Node[][]): Node => ({
  ...element,
  type: 'list',
  children: items.map((children, index) => ({ ...element, type: 'listitem', checked: undefined, children, value: index + 1 })),
  listType: 'bullet',
  start: 1,
  tag: 'ul',
})

export const upload = (relationTo: string, value: unknown): Node => ({
  type: 'upload',
  fields: {},
  format: '',
  id: '66e5a3c9e4b0a1b2c3d4e5f6',
  relationTo,
  value,
  version: 3,
})

export const editorState = (...children: Node[]) => ({ root: { ...element, type: 'root', children } })
