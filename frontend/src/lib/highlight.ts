import { useCallback } from 'react'
import { useSearchParams } from 'wouter'

/** URL parameter naming the model uid that block A should highlight (e.g. right after an import). */
export const HIGHLIGHT_PARAM = 'highlight'

/**
 * The uid to highlight in block A, and a setter; it lives in the address (`?highlight=<uid>`) so block A can read
 * it without sharing state with block B, and a reload keeps it.
 */
export function useHighlightUid(): [string | null, (uid: string | null) => void] {
  const [params, setParams] = useSearchParams()
  const uid = params.get(HIGHLIGHT_PARAM)
  const set = useCallback(
    (next: string | null) =>
      setParams(
        (prev) => {
          const copy = new URLSearchParams(prev)
          if (next) copy.set(HIGHLIGHT_PARAM, next)
          else copy.delete(HIGHLIGHT_PARAM)
          return copy
        },
        { replace: true },
      ),
    [setParams],
  )
  return [uid, set]
}

/** Brings block A (downloaded models) into view. */
export function scrollToDownloadedModels() {
  const target = document.getElementById('downloaded-models-heading')
  target?.scrollIntoView?.({ behavior: 'smooth', block: 'start' })
}
