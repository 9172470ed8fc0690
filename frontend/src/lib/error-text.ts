/**
 * What to tell the reader about a failed call, in their language, from the error's stable code and details. The
 * service's own `message` is English written for logs and scripts (and may quote an upstream's exception), so it is
 * never shown: a code this page does not know reads as a plain "could not do this (HTTP status)", with the request id
 * beside it for whoever reads the service log.
 */
import { en } from '@/i18n/en'
import type { MessageKey, Translate } from '@/i18n'
import { ApiError } from '@/lib/api'

/** Codes worded the same whatever their details say. */
const PLAIN: Record<string, MessageKey> = {
  network_error: 'err.network_error',
  bad_response: 'err.bad_response',
  bad_request: 'err.bad_request',
  invalid_json: 'err.bad_request',
  payload_too_large: 'err.bad_request',
  unsupported_media_type: 'err.bad_request',
  not_acceptable: 'err.bad_request',
  method_not_allowed: 'err.bad_request',
  forbidden: 'err.forbidden',
  nebula_forbidden: 'err.forbidden',
  unauthorized: 'err.session_ended',
  nebula_session_expired: 'err.session_ended',
  database_unavailable: 'err.database_unavailable',
  audit_unavailable: 'err.audit_unavailable',
  nebula_error: 'err.nebula_error',
  nebula_rejected: 'err.nebula_error',
  conflict: 'err.nebula_error',
  service_account_missing: 'err.service_account_missing',
  internal_error: 'err.internal_error',
  invalid_model_uid: 'err.invalid_model_uid',
  import_outcome_unknown: 'err.import_outcome_unknown',
  import_failed: 'err.import_failed',
  page_too_deep: 'err.page_too_deep',
  model_exists: 'err.model_exists',
  already_imported: 'err.already_imported',
  import_in_progress: 'err.import_in_progress',
  hub_token_required: 'err.hub_token_required',
  revision_not_supported: 'err.revision_not_supported',
  hub_model_not_found: 'err.hub_model_not_found',
  confirmation_mismatch: 'err.confirmation_mismatch',
  invalid_credentials: 'auth.err.invalid_credentials',
  account_disabled: 'auth.err.account_disabled',
  nebula_role_unknown: 'auth.err.nebula_role_unknown',
  too_many_attempts: 'auth.err.too_many_attempts',
}

/** Hub failures, worded with the hub's name and the variable that points the service at a mirror. */
const HUB: Record<string, MessageKey> = {
  hub_unavailable: 'err.hub.unreachable',
  hub_unreachable: 'err.hub.unreachable',
  hub_timeout: 'err.hub.timeout',
  hub_bad_response: 'err.hub.bad_response',
  hub_rate_limited: 'err.hub.rate_limited',
  hub_rejected: 'err.hub.rejected',
  hub_token_invalid: 'err.hub.token_invalid',
  hub_disabled: 'err.hub.disabled',
}

/** Failures a mirror would not cure: the hub answered, and refused (a rate limit, a bad token, a refused request). */
const REFUSALS = new Set(['hub_rate_limited', 'hub_token_invalid', 'hub_rejected'])

/** Whether a hub's last failure was its own refusal: it can be reached, so "cannot be reached" would mislead. */
export function isRefusal(reason: string | null | undefined): boolean {
  return reason != null && REFUSALS.has(reason)
}

/** The environment variable that points the service at a hub mirror (what an operator sets when a hub is blocked). */
export const HUB_ENDPOINT_VARIABLE: Record<string, string> = { huggingface: 'HF_ENDPOINT', modelscope: 'MODELSCOPE_ENDPOINT' }

/** A hub's display name and mirror variable, for the hub texts. */
export function hubParams(t: Translate, provider: unknown): { hub: string; variable: string } {
  const p = typeof provider === 'string' && `provider.${provider}` in en ? provider : null
  return {
    hub: p ? t(`provider.${p}` as MessageKey) : t('err.hub.some'),
    variable: (p && HUB_ENDPOINT_VARIABLE[p]) || 'HF_ENDPOINT / MODELSCOPE_ENDPOINT',
  }
}

/** A hub failure code (an error's, or a hub's last failure in the service status), as a sentence. */
export function hubFailureText(t: Translate, code: string, provider: unknown): string {
  return t(HUB[code] ?? 'err.hub.other', hubParams(t, provider))
}

/** One failed item of a batch (the error its single request would have answered), as an ApiError to word. */
export function itemError(error: { code: string; message: string; status: number; details?: Record<string, unknown> | null }): ApiError {
  return new ApiError({ status: error.status, code: error.code, message: error.message, details: error.details ?? undefined })
}

export function errorText(t: Translate, error: unknown): string {
  if (!(error instanceof ApiError)) return t('err.unexpected')
  const details = error.details ?? {}
  if (error.code in HUB) return hubFailureText(t, error.code, details['provider'])
  // a hub's 404 names the hub; ours (a model uid nobody has) does not
  if (error.code === 'not_found') return t(details['provider'] ? 'err.hub_model_not_found' : 'err.not_found')
  if (error.code === 'validation_failed') {
    return typeof details['field'] === 'string' ? t('err.validation_failed', { field: details['field'] }) : t('err.bad_request')
  }
  if (error.code === 'too_many_requests') return t('err.too_many_requests', { seconds: error.retryAfterSeconds ?? 60 })
  // "nebula_unavailable" at sign-in, when Nebula's user database is down, has its own advice
  if (error.code === 'nebula_unavailable') {
    return t(details['nebula_code'] === 'auth_backend_unavailable' ? 'auth.err.nebula_unavailable' : 'err.nebula_unavailable')
  }
  // a lifecycle action the model's state rules out: its state, worded
  if (error.code === 'model_not_startable' || error.code === 'model_not_running') {
    const notice = details['notice'] as { params?: Record<string, unknown> } | undefined
    const state = notice?.params?.['state']
    const stateName = typeof state === 'string' && `models.state.${state}` in en ? t(`models.state.${state}` as MessageKey) : t('common.none')
    return t(error.code === 'model_not_startable' ? 'err.model_not_startable' : 'err.model_not_running', { state: stateName })
  }
  const key = PLAIN[error.code]
  if (key) return t(key)
  return t('err.http', { status: error.status })
}
