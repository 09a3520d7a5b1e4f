/**
 * The write check is derived from the editor's features and applied to every rich text field: a
 * feature that brings an unreviewed node type (or internal links to unnamed collections) stops the
 * config from loading.
 */
import type { Field, RichTextField } from 'payload'

import { BlocksFeature, EXPERIMENTAL_TableFeature, LinkFeature, lexicalEditor } from '@payloadcms/richtext-lexical'
import { createLocalReq, ValidationError } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { richTextRules } from '@/fields/richText/rules'
import { safeLexicalEditor } from '@/fields/richText/safeLexicalEditor'

import { bootPayload, type TestContext } from '../helpers/bootPayload'
import { editorState, link, paragraph } from './lexical'

let ctx: TestContext

beforeAll(async () => {
  ctx = await bootPayload()
})
afterAll(async () => ctx?.shutdown())

type LexicalAdapter = Awaited<ReturnType<ReturnType<typeof lexicalEditor>>>

/** Every rich text field of `fields`, with its data path, through groups, arrays, tabs and blocks. */
const richTextFields = (fields: Field[], path: string[] = []): { field: RichTextField; path: string[] }[] =>
  fields.flatMap((field) => {
    if (field.type === 'richText') return [{ field, path: [...path, field.name] }]
    if (field.type === 'tabs') return field.tabs.flatMap((tab) => richTextFields(tab.fields, 'name' in tab && tab.name ? [...path, tab.name] : path))
    if (field.type === 'blocks') return (field.blocks ?? []).flatMap((block) => richTextFields(block.fields, [...path, field.name, block.slug]))
    if ('fields' in field) return richTextFields(field.fields, 'name' in field && field.name ? [...path, field.name] : path)
    return []
  })

/** The sanitized editor a feature list gives, wrapped as src/payload.config.ts wraps its own. */
const sanitize = (features: Parameters<typeof lexicalEditor>[0]) =>
  safeLexicalEditor(lexicalEditor(features))({ config: ctx.config, isRoot: false, parentIsLocalized: false })

describe('rich text editor config', () => {
  it('allows exactly the node types the configured features offer', () => {
    const { linkCollections, nodeTypes, uploadCollections } = richTextRules((ctx.config.editor as LexicalAdapter).editorConfig)
    expect(linkCollections).toEqual(['articles', 'tags', 'authors'])
    expect([...nodeTypes].sort()).toEqual([
      'autolink',
      'heading',
      'horizontalrule',
      'linebreak',
      'link',
      'list',
      'listitem',
      'paragraph',
      'quote',
      'tab',
      'text',
      'upload',
    ])
    expect(uploadCollections).toEqual(['media'])
  })

  it('refuses to load an editor whose features bring node types no rule covers', async () => {
    await expect(
      sanitize({ features: ({ defaultFeatures }) => [...defaultFeatures.filter(({ key }) => key !== 'link'), LinkFeature({ enabledCollections: [] })] }),
    ).rejects.toThrow(/"relationship" nodes, which no safety rule covers/)
    await expect(sanitize({ features: [EXPERIMENTAL_TableFeature()] })).rejects.toThrow(/"table", "tablecell", "tablerow" nodes/)
    await expect(sanitize({ features: [BlocksFeature({ blocks: [{ slug: 'embed', fields: [{ name: 'html', type: 'code' }] }] })] })).rejects.toThrow(
      /"block", "inlineBlock" nodes/,
    )
  })

  it('refuses to load an editor whose internal links do not name their collections', async () => {
    await expect(sanitize({ features: [LinkFeature({})] })).rejects.toThrow(/must name the collections internal links may point at/)
    await expect(sanitize({ features: [LinkFeature({ disabledCollections: ['users'] })] })).rejects.toThrow(/not `disabledCollections`/)
    const { editorConfig } = await sanitize({ features: [LinkFeature({ enabledCollections: ['articles'] })] })
    expect(richTextRules(editorConfig).linkCollections).toEqual(['articles'])
  })

  it('offers a link drawer whose target picker lists stories, tags and authors by title or name, and says what readers get', () => {
    const link = (ctx.config.editor as LexicalAdapter).editorConfig.resolvedFeatureMap.get('link')
    const fields = (link?.sanitizedServerFeatureProps as { fields: Field[] }).fields
    const byName = (name: string) => fields.find((field) => 'name' in field && field.name === name) as any
    expect(byName('linkType').options.map(({ value }: { value: string }) => value)).toEqual(['custom', 'internal'])
    expect(byName('doc').relationTo).toEqual(['articles', 'tags', 'authors'])
    expect(byName('doc').admin.description).toMatch(/get the words without the link/)
    const titles = Object.fromEntries(ctx.config.collections.map(({ admin, slug }) => [slug, admin.useAsTitle]))
    // Tags by their admin title: the name, marked "(internal)" for an internal tag.
    expect([titles.articles, titles.tags, titles.authors]).toEqual(['title', 'adminTitle', 'name'])
  })

  it('checks every rich text field of every collection and global', async () => {
    const fields = [
      ...ctx.config.collections.flatMap((collection) => richTextFields(collection.fields).map((found) => ({ ...found, collection, global: null }))),
      ...ctx.config.globals.flatMap((global) => richTextFields(global.fields).map((found) => ({ ...found, collection: null, global }))),
    ]
    const slugOf = ({ collection, global }: (typeof fields)[number]) => collection?.slug ?? global?.slug
    expect(fields.map((found) => `${slugOf(found)}.${found.path.join('.')}`)).toEqual(expect.arrayContaining(['articles.content', 'authors.bio']))
    const req = await createLocalReq({}, ctx.payload)
    for (const found of fields) {
      const { collection, field, global, path } = found
      const editor = field.editor as LexicalAdapter
      const value = editorState(paragraph(link('javascript:alert(1)')))
      const run = async () => {
        for (const hook of editor.hooks?.beforeValidate ?? []) {
          await hook({
            collection,
            context: {},
            data: {},
            field,
            global,
            indexPath: [],
            operation: 'create',
            originalDoc: {},
            overrideAccess: false,
            path,
            previousSiblingDoc: {},
            previousValue: undefined,
            req,
            schemaPath: path,
            siblingData: {},
            siblingFields: [],
            value,
          } as any)
        }
      }
      await expect(run(), `${slugOf(found)}.${path.join('.')}`).rejects.toBeInstanceOf(ValidationError)
      await expect(run()).rejects.toThrow(`${path.join('.')}: link at root.children[0].children[0]`)
    }
  })
})
