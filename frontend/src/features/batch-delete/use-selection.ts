import { useCallback, useMemo, useState } from 'react'

/**
 * A set of model uids chosen for one batch action, kept across pages, filters and refreshes (a row that scrolls out
 * of view stays chosen). Uids the list no longer shows can be dropped with `keepOnly`.
 */
export function useUidSelection() {
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set())
  const set = useCallback((uids: string[], on: boolean) => {
    setSelected((prev) => {
      const next = new Set(prev)
      for (const uid of uids) {
        if (on) next.add(uid)
        else next.delete(uid)
      }
      return next.size === prev.size && uids.every((u) => prev.has(u) === on) ? prev : next
    })
  }, [])
  const clear = useCallback(() => setSelected(new Set()), [])
  return useMemo(() => ({ selected, uids: [...selected], set, clear }), [selected, set, clear])
}

export type UidSelection = ReturnType<typeof useUidSelection>
