import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { describe, expect, it, vi } from 'vitest'
import { TooltipProvider } from '@/components/ui/tooltip'
import { makeItem } from '@/features/hub-search/test-data'
import { I18nProvider, type Lang } from '@/i18n'
import { makeFit, makePreflight, notice } from '@/test/cache-data'
import { jsonResponse, stubFetch } from '@/test/render-app'
import type { Preflight } from '@/lib/types'
import { ImportDialog } from './import-dialog'

/** The dialog for one search result; the service answers pre-flights with `answer(body)` and imports with 201. */
function renderDialog(answer: (body: Record<string, unknown>) => Preflight, lang: Lang = 'en') {
  const bodies: { path: string; body: Record<string, unknown> }[] = []
  stubFetch(async (request) => {
    const path = new URL(request.url).pathname
    const text = await request.clone().text()
    const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>
    bodies.push({ path, body })
    if (path === '/api/v2/catalog/import/preflight') return jsonResponse(answer(body))
    if (path === '/api/v2/catalog/import') {
      return jsonResponse(
        { import_id: 'i1', model_uid: 'vl', status: 'submitted', provider: 'huggingface', model_id: body.model_id, revision: null, expected_bytes: null,
          engine_type: 'vllm', replicas: 1, auto_start: true, imported_by: 'operator', created_at: '2026-11-26T10:00:00Z', error: null },
        201,
      )
    }
    return jsonResponse({ error: { code: 'not_found', message: path, request_id: 'r' } }, 404)
  })
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(
    <QueryClientProvider client={client}>
      <I18nProvider lang={lang}>
        <TooltipProvider>
          <ImportDialog item={makeItem({ id: 'Qwen/Qwen2.5-VL-7B-Instruct' })} onClose={vi.fn()} onImported={vi.fn()} />
        </TooltipProvider>
      </I18nProvider>
    </QueryClientProvider>,
  )
  return { preflights: () => bodies.filter((b) => b.path.endsWith('/preflight')).map((b) => b.body), imports: () => bodies.filter((b) => b.path === '/api/v2/catalog/import').map((b) => b.body) }
}

describe('GPU fit in the import dialog', () => {
  it('shows the verdict, the weights and headroom with their source, each node’s fit, and what is sent', async () => {
    renderDialog(() => makePreflight())
    const fit = await screen.findByTestId('fit')
    expect(within(fit).getByTestId('fit-verdict').textContent).toBe('Fits on one GPU')
    expect(within(fit).getByTestId('fit-verdict-text').textContent).toBe('Fits on one GPU of 1 node: gpu-a.')
    expect(fit.textContent).toContain('Weights 16.6 GB · with 20 % headroom 19.9 GB')
    expect(within(fit).getByTestId('fit-estimate').textContent).toBe(
      'Weights: 5 files of 16.6 GB, exact sizes from the hub.' +
        'An estimate: 20 % over the weights for the KV cache and activations, and 1 GiB per GPU for the CUDA context. The real need depends on context length and batch size.',
    )
    const nodes = within(fit).getAllByRole('listitem').filter((li) => li.hasAttribute('data-node'))
    expect(nodes[0].textContent).toMatch(/^gpu-a8 × 79.6 GiB GPUs, 6 freeFits on 1 GPU now1 × 19.5 GiB: fits now2 × 10.3 GiB: fits now$/)
    expect(nodes[1].textContent).toContain('Fits on 1 GPU once one is free')
    expect(within(fit).getByTestId('fit-sends').textContent).toContain('Sent to Nebula: 19.5 GiB free on one GPU')
    expect(fit.textContent).toContain('An estimate never stops the download')
  })

  it('never blocks on an estimate: "fits nowhere" is a warning and Download stays possible', async () => {
    const { imports } = renderDialog(() =>
      makePreflight({
        fit: makeFit({
          verdict: { code: 'fits_nowhere', tensor_parallel_size: null, nodes: [], notice: notice('fit_nowhere', { per_gpu_mb: 200_000, gpu_memory_mb: 81_559 }) },
          config: { required_vram_mb: 50_000, tensor_parallel_size: 8, overridden: false },
        }),
        warnings: [notice('fit_nowhere', { per_gpu_mb: 200_000, gpu_memory_mb: 81_559 })],
      }),
    )
    const fit = await screen.findByTestId('fit')
    expect(within(fit).getByTestId('fit-verdict-text').textContent).toBe(
      'Needs 195 GiB per GPU even when split over a whole node, and no GPU is that large (79.6 GiB at most). The download still goes ahead: the estimate may be pessimistic.',
    )
    // said once, in the fit, not again as a warning line
    expect(screen.queryByTestId('preflight-warnings')).toBeNull()
    const submit = screen.getByTestId('import-submit') as HTMLButtonElement
    await waitFor(() => expect(submit.disabled).toBe(false))
    await userEvent.setup().click(submit)
    await waitFor(() => expect(imports()).toHaveLength(1))
    // what the estimate chose is the server's to send: the request overrides nothing
    expect(imports()[0]).not.toHaveProperty('required_vram_mb')
  })

  it('lets the operator override memory and tensor-parallel size: the check and the import carry them', async () => {
    const { preflights, imports } = renderDialog((body) =>
      makePreflight({
        fit: makeFit({
          config: body.tensor_parallel_size
            ? { required_vram_mb: Number(body.required_vram_mb), tensor_parallel_size: Number(body.tensor_parallel_size), overridden: true }
            : { required_vram_mb: 20_004, tensor_parallel_size: null, overridden: false },
        }),
      }),
    )
    const user = userEvent.setup()
    await user.click(await screen.findByTestId('fit-override'))
    // prefilled with what the estimate sends
    expect((screen.getByLabelText('Free memory per GPU (MiB)') as HTMLInputElement).value).toBe('20004')
    expect((screen.getByLabelText('GPUs per replica (tensor parallel)') as HTMLInputElement).value).toBe('1')
    await user.clear(screen.getByLabelText('GPUs per replica (tensor parallel)'))
    await user.type(screen.getByLabelText('GPUs per replica (tensor parallel)'), '65')
    expect(await screen.findByText('A whole number from 1 to 64.')).toBeTruthy()
    expect((screen.getByTestId('import-submit') as HTMLButtonElement).disabled).toBe(true)
    await user.clear(screen.getByLabelText('GPUs per replica (tensor parallel)'))
    await user.type(screen.getByLabelText('GPUs per replica (tensor parallel)'), '2')
    await user.clear(screen.getByLabelText('Free memory per GPU (MiB)'))
    await user.type(screen.getByLabelText('Free memory per GPU (MiB)'), '12000')
    const sends = screen.getByTestId('fit-sends')
    await waitFor(() => expect(sends.textContent).toContain('11.7 GiB free on each of 2 GPUs'))
    expect(within(sends).getByText('your values')).toBeTruthy()
    expect(preflights().at(-1)).toMatchObject({ required_vram_mb: 12_000, tensor_parallel_size: 2 })
    await waitFor(() => expect((screen.getByTestId('import-submit') as HTMLButtonElement).disabled).toBe(false))
    await user.click(screen.getByTestId('import-submit'))
    await waitFor(() => expect(imports()).toHaveLength(1))
    expect(imports()[0]).toMatchObject({ required_vram_mb: 12_000, tensor_parallel_size: 2 })
  })

  it('speaks Chinese', async () => {
    renderDialog(() => makePreflight(), 'zh')
    const fit = await screen.findByTestId('fit')
    expect(within(fit).getByTestId('fit-verdict-text').textContent).toBe('可在 1 个节点的单块 GPU 上放下：gpu-a。')
    expect(within(fit).getByTestId('fit-sends').textContent).toContain('发送给 Nebula：1 块 GPU，每块需空闲 19.5 GiB')
  })
})
