import { clsx, type ClassValue } from 'clsx'

/**
 * Joins class names. There is deliberately no tailwind-merge (it costs ~8.5 KB gzip of a 150 KB page
 * budget): a component's `className` adds utilities, it must not try to override one the component sets
 * on the same property. Components that need variation take a prop (variant, tone, size) instead.
 */
export function cn(...inputs: ClassValue[]): string {
  return clsx(inputs)
}
