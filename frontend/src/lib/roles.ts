import type { Role } from '@/lib/types'

/** viewer < operator < admin: each role may do everything the ones below it may. */
export const ROLE_RANK: Record<Role, number> = { viewer: 1, operator: 2, admin: 3 }
export const ROLES = Object.keys(ROLE_RANK) as Role[]

/** Whether someone with `role` (null: signed out) may do what needs `need`. */
export function canDo(role: Role | null | undefined, need: Role): boolean {
  return role != null && role in ROLE_RANK && ROLE_RANK[role] >= ROLE_RANK[need]
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && value in ROLE_RANK
}
