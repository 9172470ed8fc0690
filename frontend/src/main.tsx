import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from '@/app'
import { initialLang, loadDictionary } from '@/i18n'
import { createQueryClient } from '@/lib/query-client'
import './index.css'

// The first render already speaks the user's language (no flash of English for Chinese readers).
// If the dictionary cannot be fetched the page still renders, in English.
void loadDictionary(initialLang()).catch(() => undefined).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App queryClient={createQueryClient()} />
    </StrictMode>,
  ),
)
