type LexicalNode = { children?: LexicalNode[]; text?: unknown; type?: string }

// Nodes whose text ends a block: their words must not run into the next block's.
const BLOCKS = new Set(['heading', 'listitem', 'paragraph', 'quote'])

/** The words of a Lexical rich-text value, blocks separated by a line break: what the search index reads of a body. */
export const plainText = (value: unknown): string => {
  const parts: string[] = []
  const walk = (node: LexicalNode): void => {
    if (typeof node.text === 'string') parts.push(node.text)
    node.children?.forEach(walk)
    if (node.type && BLOCKS.has(node.type)) parts.push('\n')
  }
  const root = (value as { root?: LexicalNode } | null | undefined)?.root
  if (root) walk(root)
  return parts.join('').replace(/\n+/g, '\n').trim()
}
