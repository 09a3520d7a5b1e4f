import type { Field, FieldAffectingData } from 'payload'

import { fieldAffectsData, tabHasName } from 'payload/shared'

/**
 * The field stored under `name` at the top level of a document's data, looking through the
 * containers that do not nest data (rows, collapsibles, unnamed groups and tabs).
 */
export const findTopLevelField = (fields: readonly Field[], name: string): FieldAffectingData | undefined => {
  for (const field of fields) {
    if (fieldAffectsData(field)) {
      if (field.name === name) return field
      continue
    }
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if (tabHasName(tab)) continue
        const found = findTopLevelField(tab.fields, name)
        if (found) return found
      }
    } else if ('fields' in field) {
      const found = findTopLevelField(field.fields, name)
      if (found) return found
    }
  }
  return undefined
}
