import type { Block, Field } from 'payload'

import type { FieldStep } from '../types'

/** A field that holds data, with its `where` path and the steps from the document to its value. */
export type DataField = { field: Field; path: string; steps: FieldStep[] }

type Walk = { blocks: Block[]; blockType?: string; prefix: FieldStep[] }

const pathOf = (steps: FieldStep[]): string => steps.map(({ name }) => name).join('.')

/**
 * Every field that stores data, at any depth: groups, arrays, blocks and named tabs add a step;
 * rows, collapsibles, unnamed groups and unnamed tabs are only layout. A block's fields are
 * reached only in rows of that block type.
 */
export const findDataFields = (fields: Field[], walk: Walk): DataField[] =>
  fields.flatMap((field): DataField[] => {
    const named = 'name' in field && typeof field.name === 'string' && field.name !== ''
    const step: FieldStep | undefined = named ? { name: field.name, ...(walk.blockType ? { blockType: walk.blockType } : {}) } : undefined
    const inside = step ? { ...walk, blockType: undefined, prefix: [...walk.prefix, step] } : walk
    switch (field.type) {
      case 'array':
      case 'group':
        return [...(step ? [{ field, path: pathOf(inside.prefix), steps: inside.prefix }] : []), ...findDataFields(field.fields, inside)]
      case 'blocks': {
        const blocks = [...(field.blocks ?? []), ...(field.blockReferences ?? [])].map((block) =>
          typeof block === 'string' ? walk.blocks.find(({ slug }) => slug === block) : block,
        )
        return [
          { field, path: pathOf(inside.prefix), steps: inside.prefix },
          ...blocks.flatMap((block) => (block ? findDataFields(block.fields, { ...inside, blockType: block.slug }) : [])),
        ]
      }
      case 'collapsible':
      case 'row':
        return findDataFields(field.fields, walk)
      case 'tabs':
        return field.tabs.flatMap((tab) => {
          const tabStep = 'name' in tab && tab.name ? { name: tab.name, ...(walk.blockType ? { blockType: walk.blockType } : {}) } : undefined
          return findDataFields(tab.fields, tabStep ? { ...walk, blockType: undefined, prefix: [...walk.prefix, tabStep] } : walk)
        })
      default:
        return step ? [{ field, path: pathOf(inside.prefix), steps: inside.prefix }] : []
    }
  })
