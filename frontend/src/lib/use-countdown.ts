import { useEffect, useState } from 'react'

/** Whole seconds left until `deadline` (epoch ms, null: none), ticking once a second; 0 when passed. */
export function useCountdown(deadline: number | null): number {
  const left = () => (deadline == null ? 0 : Math.max(0, Math.ceil((deadline - Date.now()) / 1000)))
  const [seconds, setSeconds] = useState(left)

  useEffect(() => {
    setSeconds(left())
    if (deadline == null) return
    const timer = setInterval(() => {
      const next = left()
      setSeconds(next)
      if (next === 0) clearInterval(timer)
    }, 1000)
    return () => clearInterval(timer)
  }, [deadline])

  return seconds
}
