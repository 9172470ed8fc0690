import { Suspense, cloneElement, useCallback, useEffect, useId, useRef, useState, type ComponentType, type KeyboardEvent, type MouseEvent, type ReactElement, type RefObject } from 'react'

/** How the trigger was pressed while the menu's code was still loading (then it opens as soon as it has arrived). */
export type EarlyPress = 'pointer' | 'keyboard' | null

/** What the body of a deferred menu gets from {@link DeferredMenu}. */
export interface MenuBodyProps {
  /** The trigger to wrap in the menu's own trigger (`asChild`). */
  trigger: ReactElement
  early: EarlyPress
  /** The placeholder had focus when the body replaced it: the real trigger takes it over. */
  hadFocus: boolean
}

const PLACEHOLDER = 'data-menu-placeholder'

/**
 * A dropdown menu whose code (Radix: popper, focus scope, roving focus, …) is not in the page's first load: until its
 * chunk arrives — requested at the first render, beside the first API calls — the trigger is a plain button that looks
 * the same. A press meanwhile is remembered and opens the menu once its code is there (the keyboard puts focus on the
 * first item, as the menu itself does); focus on the placeholder moves to the real trigger.
 */
export function DeferredMenu({ body: Body, trigger }: { body: ComponentType<MenuBodyProps>; trigger: ReactElement }) {
  const [early, setEarly] = useState<EarlyPress>(null)
  // whose placeholder: menus that share a chunk get their code at the same moment, and only one had focus
  const id = useId()
  const placeholder = cloneElement(trigger as ReactElement<Record<string, unknown>>, {
    type: 'button',
    'aria-haspopup': 'menu',
    'aria-expanded': false,
    [PLACEHOLDER]: id,
    // a keyboard "click" (Enter, Space) has no pointer position
    onClick: (event: MouseEvent) => setEarly(event.detail === 0 ? 'keyboard' : 'pointer'),
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key === 'ArrowDown') {
        event.preventDefault()
        setEarly('keyboard')
      }
    },
  })
  return (
    <Suspense fallback={placeholder}>
      <BodyWhenLoaded body={Body} trigger={trigger} early={early} placeholderId={id} />
    </Suspense>
  )
}

interface BodyWhenLoadedProps {
  body: ComponentType<MenuBodyProps>
  trigger: ReactElement
  early: EarlyPress
  placeholderId: string
}

function BodyWhenLoaded({ body: Body, trigger, early, placeholderId }: BodyWhenLoadedProps) {
  // read while the placeholder is still in the document (it is gone by the time effects run)
  const [hadFocus] = useState(() => typeof document !== 'undefined' && document.activeElement?.getAttribute(PLACEHOLDER) === placeholderId)
  return <Body trigger={trigger} early={early} hadFocus={hadFocus} />
}

/**
 * For a menu body: focus to the real trigger when the placeholder had it, and to the first item when the menu opens
 * from an early keyboard press (the menu cannot know a key opened it: the key went down before it existed).
 * `contentRef` goes on the menu's content.
 */
export function useEarlyPress({ early, hadFocus }: Pick<MenuBodyProps, 'early' | 'hadFocus'>): {
  triggerRef: RefObject<HTMLButtonElement | null>
  contentRef: (node: HTMLDivElement | null) => void
} {
  const triggerRef = useRef<HTMLButtonElement>(null)
  const firstItemPending = useRef(early === 'keyboard')
  useEffect(() => {
    if (hadFocus && early == null) triggerRef.current?.focus()
    // once, when the body replaces the placeholder
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  const contentRef = useCallback((node: HTMLDivElement | null) => {
    if (!node || !firstItemPending.current) return
    firstItemPending.current = false
    // after the menu's own mount focus (on the content), which runs in an effect
    setTimeout(() => node.querySelector<HTMLElement>('[role^="menuitem"]:not([data-disabled])')?.focus())
  }, [])
  return { triggerRef, contentRef }
}
