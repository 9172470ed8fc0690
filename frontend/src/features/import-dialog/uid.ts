/** Nebula's model uid rule: lowercase letters, digits and '-', starting with a letter or digit, at most 63 long. */
export const UID_PATTERN = /^[a-z0-9][a-z0-9-]*$/
export const UID_MAX = 63

/**
 * A uid from a hub model id the way Nebula (and the service) derive one from the whole id, owner included:
 * lowercase, non-[a-z0-9] → '-', collapse, trim, ≤ 63. Only a fallback: the pre-flight's suggested_uid wins.
 */
export function uidFromModelId(modelId: string): string {
  return modelId
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, UID_MAX)
    .replace(/-+$/g, '')
}

export type UidProblem = 'empty' | 'tooLong' | 'pattern'

export function validateUid(uid: string): UidProblem | null {
  if (uid.length === 0) return 'empty'
  if (uid.length > UID_MAX) return 'tooLong'
  if (!UID_PATTERN.test(uid)) return 'pattern'
  return null
}
