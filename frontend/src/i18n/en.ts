/**
 * English strings. This dictionary defines the keys; `zh.ts` must have exactly the same ones
 * (the type checker enforces it). Placeholders look like `{name}`.
 */
export const en = {
  'app.name': 'Nebula',
  'app.productName': 'Model Catalog',
  'app.skipToContent': 'Skip to main content',

  'nav.label': 'Main navigation',
  'nav.models': 'Models',
  'nav.more': 'More',
  'nav.moreMenuLabel': 'More pages',
  'nav.modelCatalog': 'Model Catalog',
  'nav.modelCatalogHint': 'Downloaded models and hub search',

  'lang.label': 'Language',
  'lang.en': 'English',
  'lang.zh': '中文',

  'home.title': 'Welcome to Nebula Model Catalog',
  'home.body':
    'See every model your Nebula cluster holds and bring in new ones from Hugging Face and ModelScope. Open Model Catalog from the More menu.',
  'home.openCatalog': 'Open Model Catalog',

  'notFound.title': 'Page not found',
  'notFound.body': 'There is no page at {path}.',
  'notFound.back': 'Go to the start page',

  'catalog.title': 'Model Catalog',
  'catalog.subtitle':
    'Every model the cluster holds, and the models you can bring in from Hugging Face and ModelScope.',

  'downloaded.title': 'Downloaded models',
  'downloaded.description':
    'Registered models and files cached on nodes: source, size, nodes, state and download progress.',
  'downloaded.unavailableTitle': 'Not available yet',
  'downloaded.unavailableBody': 'This service cannot list the cluster’s models yet. The list will appear here once it can.',

  'search.title': 'Search Hugging Face / ModelScope',
  'search.description': 'Find models on either hub by keyword and import them into the cluster.',
  'search.unavailableTitle': 'Not available yet',
  'search.unavailableBody': 'This service cannot search the model hubs yet. Search will appear here once it can.',

  'caps.title': 'Service status',
  'caps.refresh': 'Refresh status',
  'caps.refreshing': 'Refreshing…',
  'caps.loading': 'Checking the service status…',
  'caps.errorTitle': 'Could not load the service status',
  'caps.requestId': 'Request ID',
  'caps.retry': 'Try again',
  'caps.service': 'Service',
  'caps.version': 'Version {version}',
  'caps.database': 'Database',
  'caps.nebula': 'Nebula',
  'caps.reachable': 'Reachable',
  'caps.unreachable': 'Unreachable',
  'caps.configured': 'Configured',
  'caps.notConfigured': 'Not configured',
  'caps.simulatedShort': 'Simulator',
  'caps.host': 'Host',
  'caps.noHost': 'No host',
  'caps.enabled': 'Enabled',
  'caps.disabled': 'Disabled',
  'caps.tokenHintLabel': 'About the access token',
  'caps.tokenConfigured': 'Token set',
  'caps.tokenMissing': 'No token',
  'caps.tokenHint': 'Whether the service has an access token for this hub. Gated and private models need one.',
  'caps.noHubs': 'No model hubs are configured.',
  'caps.simulatorBanner': 'Connected to the built-in Nebula simulator',
  'caps.simulatorBannerBody': 'Models, nodes and downloads shown here are simulated; no GPU cluster is involved.',

  'provider.huggingface': 'Hugging Face',
  'provider.modelscope': 'ModelScope',
} as const satisfies Record<string, string>

export type MessageKey = keyof typeof en
export type Messages = Record<MessageKey, string>
