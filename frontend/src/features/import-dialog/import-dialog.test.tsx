import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { describe, expect, it, vi } from 'vitest'
import { TooltipProvider } from '@/components/ui/tooltip'
import { makeItem } from '@/features/hub-search/test-data'
import { I18nProvider } from '@/i18n'
import { jsonResponse, sampleCapabilities, signInAs, stubFetch } from '@/test/render-app'
import { ImportDialog } from './import-dialog'
import { Toaster } from '@/components/ui/toaster'
import type { ImportResult, Preflight as PreflightResult } from '@/lib/types'
import { uidFromModelId, validateUid } from './uid'

function preflight(overrides: Partial<PreflightResult> = {}): PreflightResult {
  return {
    provider: 'huggingface',
    model_id: 'Qwen/Qwen2.5-7B-Instruct',
    exists_on_hub: true,
    revision: 'a09a35458c702b33eeacc393d103063234e8bc28',
    size_bytes: 15_231_233_024,
    size_source: 'files',
    gated: false,
    is_private: false,
    suggested_uid: 'qwen2-5-7b-instruct',
    registered: [],
    cached_on: [],
    disk: [{ node_id: 'gpu-node-1', alive: true, available_bytes: 500_000_000_000, total_bytes: 1_000_000_000_000, used_percent: 50, fits: true }],
    fit: {
      weight_bytes: null, weight_source: null, weight_files: 0, parameters: null, bytes_per_parameter: null,
      headroom_percent: 20, gpu_overhead_mb: 1024, required_bytes: null, estimate: [], nodes: [],
      verdict: { code: 'unknown', tensor_parallel_size: null, nodes: [], notice: { code: 'fit_unknown', params: { reason: 'weights_unknown' }, message: 'unknown' } },
      config: { required_vram_mb: null, tensor_parallel_size: null, overridden: false },
    },
    blocking: [],
    warnings: [],
    ...overrides,
  }
}

const created: ImportResult = {
  import_id: 'imp-1',
  model_uid: 'qwen2-5-7b-instruct',
  status: 'submitted',
  provider: 'huggingface',
  model_id: 'Qwen/Qwen2.5-7B-Instruct',
  revision: 'a09a35458c702b33eeacc393d103063234e8bc28',
  expected_bytes: 15_231_233_024,
  engine_type: 'vllm',
  replicas: 1,
  auto_start: true,
  imported_by: 'operator',
  created_at: '2026-08-19T08:00:00Z',
  error: null,
}

interface Routes {
  preflight?: (body: Record<string, unknown>) => Response
  start?: (request: Request, body: Record<string, unknown>) => Response
  uidCheck?: (uid: string) => Response
}

const free = (uid: string) => jsonResponse({ model_uid: uid, available: true, notice: null })

function routes({ preflight: pf = () => jsonResponse(preflight()), start = () => jsonResponse(created, 201), uidCheck = free }: Routes = {}) {
  return stubFetch(async (request) => {
    const url = new URL(request.url)
    const path = url.pathname
    if (path === '/api/v2/catalog/import/uid-check') return uidCheck(url.searchParams.get('model_uid') ?? '')
    // the engines and the replica limit the dialog offers are the installation's
    if (path === '/api/v2/catalog/capabilities') return jsonResponse(sampleCapabilities)
    const text = await request.clone().text()
    const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>
    if (path === '/api/v2/catalog/import/preflight') return pf(body)
    if (path === '/api/v2/catalog/import') return start(request, body)
    return jsonResponse({ error: { code: 'not_found', message: 'nope', request_id: 'r' } }, 404)
  })
}

function renderDialog(onImported = vi.fn(), onClose = vi.fn(), onShowExisting?: (uid: string) => void) {
  signInAs('operator') // an operator's page knows the installation's engines (/capabilities)
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const ui = (key: string) => (
    <QueryClientProvider client={client}>
      <I18nProvider lang="en">
        <TooltipProvider>
          <ImportDialog key={key} item={makeItem()} onClose={onClose} onImported={onImported} onShowExisting={onShowExisting} />
          <Toaster />
        </TooltipProvider>
      </I18nProvider>
    </QueryClientProvider>
  )
  const view = render(ui('first'))
  return { ...view, reopen: () => view.rerender(ui('second')), onImported, onClose }
}

const submitButton = () => screen.getByTestId('import-submit') as HTMLButtonElement
const importCalls = (mock: ReturnType<typeof stubFetch>) =>
  mock.mock.calls.map(([r]) => r as Request).filter((r) => new URL(r.url).pathname === '/api/v2/catalog/import')

describe('import dialog', () => {
  it('says first that the cluster holds the model: showing it is the main action, a second copy the other', async () => {
    routes({
      preflight: () =>
        jsonResponse(
          preflight({
            suggested_uid: 'qwen2-5-7b-instruct-2',
            registered: [{ model_uid: 'qwen2-5-7b-instruct', model_name: 'Qwen/Qwen2.5-7B-Instruct', state: 'running' }],
            warnings: [
              { code: 'already_registered', params: { model_id: 'Qwen/Qwen2.5-7B-Instruct', model_uids: 'qwen2-5-7b-instruct' }, message: 'Nebula already has it' },
              { code: 'disk_nearly_full', params: { node: 'gpu-node-1', percent: 91 }, message: 'gpu-node-1 is 91 % full' },
            ],
          }),
        ),
    })
    const show = vi.fn()
    const user = userEvent.setup()
    renderDialog(vi.fn(), vi.fn(), show)
    const notice = await screen.findByTestId('already-in-cluster')
    expect(notice.textContent).toContain('Already in the cluster as qwen2-5-7b-instruct')
    await waitFor(() => expect(submitButton().disabled).toBe(false))
    // the second copy is possible but not the primary action, and says what it is
    expect(submitButton().textContent).toContain('Download a second copy')
    expect(screen.getByText('Ready to download a second copy.')).toBeTruthy()
    // warnings are sentences, never codes; the registered notice is not repeated as a warning
    const warnings = screen.getByTestId('preflight-warnings')
    expect(warnings.textContent).toContain('gpu-node-1 is 91 % full already.')
    expect(warnings.textContent).not.toMatch(/already_registered|disk_nearly_full/)
    await user.click(screen.getByTestId('show-existing'))
    expect(show).toHaveBeenCalledWith('qwen2-5-7b-instruct')
  })

  it('checks a typed uid while typing and says it is taken before any submit', async () => {
    routes({
      uidCheck: (uid) =>
        uid === 'bge-m3'
          ? jsonResponse({ model_uid: uid, available: false, notice: { code: 'model_uid_taken', params: { model_uid: uid }, message: 'taken' } })
          : free(uid),
    })
    const user = userEvent.setup()
    renderDialog()
    await waitFor(() => expect(submitButton().disabled).toBe(false))
    const uid = screen.getByTestId('uid-input')
    await user.clear(uid)
    await user.type(uid, 'bge-m3')
    expect(await screen.findByText('Nebula already has a model with uid “bge-m3”.')).toBeTruthy()
    expect(submitButton().disabled).toBe(true)
    await user.type(uid, '-mine')
    expect(await screen.findByText('“bge-m3-mine” is free.')).toBeTruthy()
    await waitFor(() => expect(submitButton().disabled).toBe(false))
  })

  it('never offers a node that is down, and says how full each disk is', async () => {
    routes({
      preflight: () =>
        jsonResponse(
          preflight({
            disk: [
              { node_id: 'gpu-node-4', alive: false, available_bytes: 22_900_000_000, total_bytes: 1_000_000_000_000, used_percent: 98.9, fits: false },
              { node_id: 'gpu-node-1', alive: true, available_bytes: 500_000_000_000, total_bytes: 1_000_000_000_000, used_percent: 50, fits: true },
            ],
          }),
        ),
    })
    renderDialog()
    const dead = await screen.findByText('gpu-node-4')
    const item = dead.closest('li')!
    expect(item.getAttribute('data-fits')).toBe('false')
    expect(item.textContent).toContain('node down')
    expect(item.textContent).toContain('99 % used')
    expect(item.textContent).toContain('does not fit')
  })

  it('pre-fills the uid from the pre-flight and validates edits live', async () => {
    routes()
    const user = userEvent.setup()
    renderDialog()
    const uid = screen.getByTestId('uid-input') as HTMLInputElement
    await waitFor(() => expect(uid.value).toBe('qwen2-5-7b-instruct'))
    await waitFor(() => expect(submitButton().disabled).toBe(false))

    await user.clear(uid)
    await user.type(uid, 'Bad_UID')
    expect(screen.getByText('Use only lowercase letters, digits and “-”, starting with a letter or digit.')).toBeTruthy()
    expect(uid.getAttribute('aria-invalid')).toBe('true')
    expect(submitButton().disabled).toBe(true)

    await user.clear(uid)
    expect(screen.getByText('Enter a model uid.')).toBeTruthy()
    await user.type(uid, 'a'.repeat(64))
    expect(screen.getByText('At most 63 characters.')).toBeTruthy()

    await user.clear(uid)
    await user.type(uid, 'my-qwen')
    expect(uid.getAttribute('aria-invalid')).toBe('false')
  })

  it('runs the pre-flight with the edited uid and lets blocking problems disable submit, explaining the fix', async () => {
    const bodies: Record<string, unknown>[] = []
    routes({
      preflight: (body) => {
        bodies.push(body)
        return jsonResponse(
          body.model_uid === 'taken'
            ? preflight({ blocking: [{ code: 'model_exists', params: { model_uid: 'taken' }, message: 'A model with uid taken already exists in Nebula.' }] })
            : preflight(),
        )
      },
    })
    const user = userEvent.setup()
    renderDialog()
    await waitFor(() => expect(submitButton().disabled).toBe(false))
    expect(bodies[0]).toMatchObject({ provider: 'huggingface', model_id: 'Qwen/Qwen2.5-7B-Instruct', engine_type: 'vllm', replicas: 1, auto_start: true })
    expect(bodies[0]).not.toHaveProperty('model_uid')

    const uid = screen.getByTestId('uid-input')
    await user.clear(uid)
    await user.type(uid, 'taken')
    const blocking = await screen.findByTestId('preflight-blocking')
    expect(within(blocking).getByText('A model with UID “taken” already exists in Nebula.')).toBeTruthy()
    expect(within(blocking).queryByText('model_exists')).toBeNull() // the page words codes, never shows them
    expect(within(blocking).getByText('Choose another model uid above.')).toBeTruthy()
    expect(submitButton().disabled).toBe(true)
    // typing was debounced: one check for the final uid, none for "t", "ta", …
    expect(bodies.filter((b) => 'model_uid' in b).map((b) => b.model_uid)).toEqual(['taken'])
  })

  it('shows a 400 field error next to the field it names', async () => {
    routes({
      start: () =>
        jsonResponse(
          { error: { code: 'validation_failed', message: 'replicas exceeds the cluster limit', request_id: 'r-400', details: { field: 'replicas' } } },
          400,
        ),
    })
    const user = userEvent.setup()
    renderDialog()
    await waitFor(() => expect(submitButton().disabled).toBe(false))
    await user.click(submitButton())
    const message = await screen.findByText('The service refused the request: “replicas” is not valid.')
    const input = screen.getByLabelText('Replicas')
    expect(input.getAttribute('aria-invalid')).toBe('true')
    expect(input.getAttribute('aria-describedby')).toContain(message.id)
  })

  it('keeps the Idempotency-Key across retries of one dialog and makes a new one for a new dialog', async () => {
    let attempt = 0
    const mock = routes({
      start: () => {
        attempt += 1
        return attempt === 1
          ? jsonResponse({ error: { code: 'nebula_unavailable', message: 'Nebula did not answer.', request_id: 'r-502' } }, 502)
          : jsonResponse(created, 201)
      },
    })
    const user = userEvent.setup()
    const { reopen, onImported } = renderDialog()
    await waitFor(() => expect(submitButton().disabled).toBe(false))
    await user.click(submitButton())
    const error = await screen.findByTestId('import-error')
    expect(within(error).getByText('Nebula is not answering right now. Try again in a minute.')).toBeTruthy()
    expect(within(error).getByText('r-502')).toBeTruthy()

    await user.click(submitButton())
    await waitFor(() => expect(onImported).toHaveBeenCalledTimes(1))
    const [first, second] = importCalls(mock).map((r) => r.headers.get('Idempotency-Key'))
    expect(first).toMatch(/^[0-9a-f-]{36}$/)
    expect(second).toBe(first)
    expect(await screen.findByTestId('toast')).toBeTruthy()
    expect(screen.getByTestId('toast').textContent).toContain('Download of Qwen/Qwen2.5-7B-Instruct started as qwen2-5-7b-instruct.')
    expect(onImported.mock.calls[0][0]).toMatchObject({ model_uid: 'qwen2-5-7b-instruct' })

    reopen()
    await waitFor(() => expect(submitButton().disabled).toBe(false))
    await user.click(submitButton())
    await waitFor(() => expect(importCalls(mock)).toHaveLength(3))
    expect(importCalls(mock)[2].headers.get('Idempotency-Key')).not.toBe(first)
  })

  it('sends the chosen options and disables itself while the import is being started', async () => {
    let release: (r: Response) => void = () => {}
    const mock = routes({ start: () => new Promise<Response>((resolve) => (release = resolve)) as unknown as Response })
    const user = userEvent.setup()
    renderDialog()
    await waitFor(() => expect(submitButton().disabled).toBe(false))
    await user.selectOptions(screen.getByLabelText('Engine'), 'sglang')
    await user.click(screen.getByLabelText('Start after download'))
    await waitFor(() => expect(submitButton().disabled).toBe(false))
    await user.click(submitButton())
    await waitFor(() => expect(submitButton().disabled).toBe(true))
    await user.click(submitButton())
    expect(importCalls(mock)).toHaveLength(1)
    const body = JSON.parse(await importCalls(mock)[0].clone().text())
    expect(body).toEqual({
      provider: 'huggingface',
      model_id: 'Qwen/Qwen2.5-7B-Instruct',
      model_uid: 'qwen2-5-7b-instruct',
      engine_type: 'sglang',
      replicas: 1,
      auto_start: false,
      revision: 'a09a35458c702b33eeacc393d103063234e8bc28',
    })
    release(jsonResponse(created, 201))
  })
})

describe('uid helpers', () => {
  it('derives a uid the Nebula way', () => {
    expect(uidFromModelId('Qwen/Qwen2.5-7B-Instruct')).toBe('qwen-qwen2-5-7b-instruct')
    expect(uidFromModelId('BAAI/bge-reranker-v2-m3')).toBe('baai-bge-reranker-v2-m3')
    expect(uidFromModelId('__org/__Weird__Name__')).toBe('org-weird-name')
    expect(uidFromModelId('x/' + 'a'.repeat(70))).toHaveLength(63)
  })

  it('validates', () => {
    expect(validateUid('qwen2-5')).toBeNull()
    expect(validateUid('')).toBe('empty')
    expect(validateUid('-qwen')).toBe('pattern')
    expect(validateUid('Qwen')).toBe('pattern')
    expect(validateUid('a'.repeat(64))).toBe('tooLong')
  })
})
