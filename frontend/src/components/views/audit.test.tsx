import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { AuditPage, AuditRecord } from '@/lib/types'
import { jsonResponse, pathOf, renderApp, sampleCapabilities, stubFetch } from '@/test/render-app'

const records: AuditRecord[] = [
  {
    id: 42,
    occurred_at: '2026-11-26T10:04:05Z',
    actor: 'ops-li',
    role: 'operator',
    action: 'delete',
    provider: 'huggingface',
    model_id: 'Qwen/Qwen2.5-7B-Instruct',
    model_uid: 'qwen2-5-7b',
    outcome: 'denied',
    request_id: 'req-denied-1',
    client_address: '10.0.0.7',
    details: { method: 'DELETE' },
    correlates_to: null,
    attempts: 7,
    last_at: '2026-11-26T10:06:00Z',
  },
  {
    id: 41,
    occurred_at: '2026-11-26T10:00:00Z',
    actor: 'admin',
    role: 'admin',
    action: 'delete',
    model_uid: 'llama-3-1-8b',
    outcome: 'succeeded',
    request_id: 'req-delete-1',
    client_address: '0:0:0:0:0:0:0:1',
    // one row per write: the intent's details and the outcome's, folded by the service
    details: { model_name: 'meta-llama/Llama-3.1-8B-Instruct', freed_bytes_expected: 17_120_000_000, gc_queued_nodes: 3, token_id: 'abc' },
    correlates_to: null,
    completed_at: '2026-11-26T10:00:02Z',
    attempts: 1,
  },
]

function stubAudit(page: Partial<AuditPage> = {}) {
  return stubFetch((request) => {
    if (pathOf(request).startsWith('/api/v2/catalog/audit')) {
      return jsonResponse({ items: records, page: 1, limit: 25, total: 2, ...page })
    }
    return jsonResponse(sampleCapabilities)
  })
}

const auditRequests = (mock: ReturnType<typeof stubFetch>) =>
  mock.mock.calls.map((c) => new URL((c[0] as Request).url)).filter((u) => u.pathname === '/api/v2/catalog/audit')

describe('Audit page', () => {
  it('lists records newest first with time, actor, role, action, target, outcome, request id and client', async () => {
    const mock = stubAudit()
    renderApp({ path: '/audit', lang: 'en', role: 'admin' })

    expect(await screen.findByRole('heading', { level: 1, name: 'Audit' })).toBeTruthy() // the view is lazy-loaded
    const rows = await screen.findAllByTestId('audit-row')
    expect(rows).toHaveLength(2)
    const first = within(rows[0])
    expect(first.getByText('ops-li')).toBeTruthy()
    expect(first.getByText('operator')).toBeTruthy()
    expect(first.getByText('delete')).toBeTruthy()
    expect(first.getByText('method: DELETE')).toBeTruthy()
    expect(first.getByText('huggingface / Qwen/Qwen2.5-7B-Instruct')).toBeTruthy()
    expect(first.getByText('qwen2-5-7b')).toBeTruthy()
    expect(first.getByText('Denied')).toBeTruthy()
    expect(first.getByText('× 7 attempts')).toBeTruthy()
    expect(first.getByText('req-denied-1')).toBeTruthy()
    expect(first.getByText('10.0.0.7')).toBeTruthy()
    const time = rows[0].querySelector('time')!
    expect(time.getAttribute('dateTime')).toBe('2026-11-26T10:04:05Z')
    expect(time.textContent).toMatch(/2026/)
    const second = within(rows[1])
    expect(second.getByText('Succeeded')).toBeTruthy()
    // details for people: sizes as sizes (as block A says them), no token ids
    expect(second.getByText('space freed (expected): 17.1 GB')).toBeTruthy()
    expect(second.getByText('nodes told to remove files: 3')).toBeTruthy()
    expect(rows[1].textContent).not.toContain('token')
    expect(rows[1].textContent).not.toContain('17120000000')
    // the loopback address as people write it
    expect(second.getByText('::1')).toBeTruthy()
    expect(screen.getByText(/1–2 of 2/)).toBeTruthy()
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Time', 'Actor', 'Role', 'Action', 'Target', 'Outcome', 'Request ID', 'Client address',
    ])

    const [first_request] = auditRequests(mock)
    expect(first_request.searchParams.get('page')).toBe('1')
    expect(first_request.searchParams.get('limit')).toBe('25')
  })

  it('sends the filters and pages through the server', async () => {
    const mock = stubAudit({ total: 60 })
    const user = userEvent.setup()
    renderApp({ path: '/audit', lang: 'en', role: 'admin' })
    await screen.findAllByTestId('audit-row')

    await user.type(screen.getByLabelText('Action'), 'login')
    await user.type(screen.getByLabelText('Actor'), 'admin')
    await user.click(screen.getByRole('button', { name: 'Apply' }))
    await user.selectOptions(screen.getByLabelText('Outcome'), 'denied')
    await waitFor(() => {
      const last = auditRequests(mock).at(-1)!
      expect(Object.fromEntries(last.searchParams)).toEqual({ page: '1', limit: '25', action: 'login', actor: 'admin', outcome: 'denied' })
    })

    await user.click(screen.getByRole('button', { name: 'Next' }))
    await waitFor(() => expect(auditRequests(mock).at(-1)!.searchParams.get('page')).toBe('2'))
  })

  it('says when nothing matches', async () => {
    stubAudit({ items: [], total: 0 })
    renderApp({ path: '/audit', lang: 'zh', role: 'admin' })
    expect(await screen.findByText('暂无审计记录')).toBeTruthy()
  })

  it('shows the error with its request id', async () => {
    stubFetch((request) =>
      pathOf(request).startsWith('/api/v2/catalog/audit')
        ? jsonResponse({ error: { code: 'database_unavailable', message: 'Database down', request_id: 'req-db' } }, 503)
        : jsonResponse(sampleCapabilities),
    )
    renderApp({ path: '/audit', lang: 'en', role: 'admin' })
    const alert = await screen.findByTestId('audit-error')
    expect(within(alert).getByText(/The catalog’s database is not answering/)).toBeTruthy()
    expect(within(alert).getByText('req-db')).toBeTruthy()
  })

  it('shows a loading state first', () => {
    stubFetch(() => new Promise<Response>(() => {}))
    renderApp({ path: '/audit', lang: 'en', role: 'admin' })
    expect(screen.getByText('Loading audit records…')).toBeTruthy()
  })

  it('tells a non-admin which role the page needs, without asking the API', async () => {
    const mock = stubAudit()
    renderApp({ path: '/audit', lang: 'en', role: 'viewer' })
    expect(screen.getByTestId('forbidden').textContent).toContain('Requires the admin role — you are signed in as viewer')
    await new Promise((r) => setTimeout(r, 20))
    expect(auditRequests(mock)).toHaveLength(0)
  })
})
