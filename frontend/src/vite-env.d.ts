/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Where the top bar's "Models" link points (Nebula's own Models page). Default `/models`. */
  readonly VITE_NEBULA_MODELS_URL?: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
