import { QueryClient } from '@tanstack/react-query'
import { ApiError } from '@/lib/api'

/** Client errors (4xx) are answers, not glitches: never retry them. Anything else gets one retry. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false
  return failureCount < 1
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 15_000 },
    },
  })
}
