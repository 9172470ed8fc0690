import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { Button } from '@/components/ui/button'
import { TooltipProvider } from '@/components/ui/tooltip'
import { I18nProvider } from '@/i18n'
import { canDo } from '@/lib/roles'
import type { Role } from '@/lib/types'
import { signInAs } from '@/test/render-app'
import { RoleGate, type GateMode } from './role-gate'

function renderGate(mode: GateMode, need: Role, onClick = vi.fn()) {
  render(
    <I18nProvider lang="en">
      <TooltipProvider delayDuration={0}>
        <RoleGate need={need} mode={mode} fallback={<span>hidden-fallback</span>}>
          <Button onClick={onClick}>Delete</Button>
        </RoleGate>
      </TooltipProvider>
    </I18nProvider>,
  )
  return onClick
}

/** The accessible description: the text of every element `aria-describedby` names. */
function description(element: HTMLElement): string {
  const ids = (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean)
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ')
}

describe('canDo', () => {
  it('orders the roles viewer < operator < admin', () => {
    expect(canDo('viewer', 'viewer')).toBe(true)
    expect(canDo('viewer', 'operator')).toBe(false)
    expect(canDo('operator', 'operator')).toBe(true)
    expect(canDo('operator', 'admin')).toBe(false)
    expect(canDo('admin', 'viewer')).toBe(true)
    expect(canDo('admin', 'admin')).toBe(true)
    expect(canDo(null, 'viewer')).toBe(false)
  })
})

describe('RoleGate', () => {
  const roles: Role[] = ['viewer', 'operator', 'admin']
  const modes: GateMode[] = ['disable', 'hide']

  for (const role of roles) {
    for (const mode of modes) {
      const allowed = canDo(role, 'operator')
      it(`${mode} mode, ${role} needing operator: ${allowed ? 'shows the control as is' : mode === 'hide' ? 'hides it' : 'disables it'}`, async () => {
        signInAs(role)
        const onClick = renderGate(mode, 'operator')
        const button = screen.queryByRole('button', { name: 'Delete' })

        if (allowed) {
          expect(button).toBeTruthy()
          expect(button!.getAttribute('aria-disabled')).toBeNull()
          await userEvent.click(button!)
          expect(onClick).toHaveBeenCalledTimes(1)
          expect(screen.queryByText('hidden-fallback')).toBeNull()
        } else if (mode === 'hide') {
          expect(button).toBeNull()
          expect(screen.getByText('hidden-fallback')).toBeTruthy()
        } else {
          expect(button).toBeTruthy()
          expect(button!.getAttribute('aria-disabled')).toBe('true')
          // Still reachable by keyboard, with the reason as its description and in a tooltip on focus.
          const user = userEvent.setup()
          await user.tab()
          expect(document.activeElement).toBe(button)
          const reason = 'Requires the operator role — you are signed in as viewer'
          expect(description(button!)).toContain(reason)
          expect((await screen.findByRole('tooltip')).textContent).toContain(reason)
          await user.keyboard('{Enter}')
          await user.click(button!)
          expect(onClick).not.toHaveBeenCalled()
        }
      })
    }
  }

  it('says to sign in when nobody is signed in', async () => {
    renderGate('disable', 'admin')
    const button = screen.getByRole('button', { name: 'Delete' })
    expect(description(button)).toBe('Requires the admin role — sign in first')
  })
})
