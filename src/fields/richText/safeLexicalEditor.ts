import type { lexicalEditor } from '@payloadcms/richtext-lexical'

import { hideUnreadableLinks } from './hooks/hideUnreadableLinks'
import { refuseUnsafeNodes } from './hooks/refuseUnsafeNodes'
import { richTextRules } from './rules'

type LexicalEditorProvider = ReturnType<typeof lexicalEditor>

/**
 * The Lexical editor, refusing on every write (REST, GraphQL, Local API, admin; drafts included)
 * what it does not offer: unknown nodes, unsafe link URLs, internal links to other collections or
 * to documents that are not there, uploads from elsewhere; and on every read turning internal
 * links the reader may not follow into text. Set as the config's `editor`, it covers every rich
 * text field that does not bring its own.
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
        // Before Lexical's own hook, which populates the links that remain (by `depth`).
        afterRead: [hideUnreadableLinks(rules), ...(adapter.hooks?.afterRead ?? [])],
        // Before Lexical's own hooks: they walk the nodes and fail with a 500 on a malformed tree.
        beforeValidate: [refuseUnsafeNodes(rules), ...(adapter.hooks?.beforeValidate ?? [])],
      },
    }
  }
