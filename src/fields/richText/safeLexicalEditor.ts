import type { lexicalEditor } from '@payloadcms/richtext-lexical'

import { refuseUnsafeNodes } from './hooks/refuseUnsafeNodes'
import { richTextRules } from './rules'

type LexicalEditorProvider = ReturnType<typeof lexicalEditor>

/**
 * The Lexical editor, refusing on every write (REST, GraphQL, Local API, admin; drafts included)
 * what it does not offer: unknown nodes, unsafe link URLs, internal links, uploads from elsewhere.
 * Set as the config's `editor`, it covers every rich text field that does not bring its own.
 */
export const safeLexicalEditor =
  (editor: LexicalEditorProvider): LexicalEditorProvider =>
  async (args) => {
    const adapter = await editor(args)
    const rules = richTextRules(adapter.editorConfig)
    return {
      ...adapter,
      hooks: {
        ...adapter.hooks,
        // Before Lexical's own hooks: they walk the nodes and fail with a 500 on a malformed tree.
        beforeValidate: [refuseUnsafeNodes(rules), ...(adapter.hooks?.beforeValidate ?? [])],
      },
    }
  }
