import { en } from '@/i18n/en'
import type { MessageKey, Translate } from '@/i18n'

/** Hub task ids offered as filters (the hubs' own ids; the dictionary says their common names). */
export const TASKS = [
  'text-generation',
  'image-text-to-text',
  'feature-extraction',
  'sentence-similarity',
  'text-ranking',
  'text-to-image',
  'automatic-speech-recognition',
  'text-to-speech',
] as const

/** A hub task id in the reader's language; an id the dictionary does not know stays as the hub spells it. */
export function taskLabel(t: Translate, id: string): string {
  const key = `task.${id}`
  return key in en ? t(key as MessageKey) : id
}
