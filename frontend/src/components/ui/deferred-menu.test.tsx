import { act, lazy, type ComponentType } from 'react'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { DeferredMenu, useEarlyPress, type MenuBodyProps } from './deferred-menu'
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from './dropdown-menu'

function RealMenu(props: MenuBodyProps) {
  const { triggerRef, contentRef } = useEarlyPress(props)
  return (
    <DropdownMenu defaultOpen={props.early != null}>
      <DropdownMenuTrigger asChild ref={triggerRef}>
        {props.trigger}
      </DropdownMenuTrigger>
      <DropdownMenuContent ref={contentRef}>
        <DropdownMenuItem>First</DropdownMenuItem>
        <DropdownMenuItem>Second</DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  )
}

/** Menus whose code arrives, in one chunk as in the header, when the test says so. */
function slowMenus(names: string[]) {
  let arrive: () => void = () => undefined
  const chunk = new Promise<{ default: ComponentType<MenuBodyProps> }>((resolve) => (arrive = () => resolve({ default: RealMenu })))
  const Body = lazy(() => chunk)
  render(
    <>
      {names.map((name) => (
        <DeferredMenu key={name} body={Body} trigger={<button type="button">{name}</button>} />
      ))}
    </>,
  )
  return { arrive: () => act(async () => arrive()) }
}

function slowMenu() {
  return slowMenus(['Menu'])
}

describe('DeferredMenu', () => {
  it('shows a look-alike trigger until the code arrives, then the real one', async () => {
    const { arrive } = slowMenu()
    const placeholder = screen.getByRole('button', { name: 'Menu' })
    expect(placeholder.getAttribute('aria-haspopup')).toBe('menu')
    expect(placeholder.getAttribute('aria-expanded')).toBe('false')
    await arrive()
    expect(screen.getByRole('button', { name: 'Menu' }).hasAttribute('data-menu-placeholder')).toBe(false)
    expect(screen.queryByRole('menu')).toBeNull()
  })

  it('opens once the code arrives when the keyboard pressed it earlier, with focus on the first item', async () => {
    const user = userEvent.setup()
    const { arrive } = slowMenu()
    screen.getByRole('button', { name: 'Menu' }).focus()
    await user.keyboard('{Enter}')
    expect(screen.queryByRole('menu')).toBeNull()
    await arrive()
    const first = await screen.findByRole('menuitem', { name: 'First' })
    await waitFor(() => expect(document.activeElement).toBe(first))
  })

  it('opens once the code arrives when clicked earlier', async () => {
    const user = userEvent.setup()
    const { arrive } = slowMenu()
    await user.click(screen.getByRole('button', { name: 'Menu' }))
    await arrive()
    expect(await screen.findByRole('menu')).toBeTruthy()
  })

  it('keeps focus on the trigger when the code arrives', async () => {
    const { arrive } = slowMenu()
    screen.getByRole('button', { name: 'Menu' }).focus()
    await arrive()
    const real = screen.getByRole('button', { name: 'Menu' })
    expect(real.hasAttribute('data-menu-placeholder')).toBe(false)
    await waitFor(() => expect(document.activeElement).toBe(real))
  })

  it('gives focus back to the trigger that had it, not to another menu loaded with it', async () => {
    const { arrive } = slowMenus(['More', 'Theme', 'Account'])
    screen.getByRole('button', { name: 'More' }).focus()
    await arrive()
    const more = screen.getByRole('button', { name: 'More' })
    expect(more.hasAttribute('data-menu-placeholder')).toBe(false)
    await waitFor(() => expect(document.activeElement).toBe(more))
  })
})
