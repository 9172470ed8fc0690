import type { Messages } from './en'

/** 中文文案。键与 `en.ts` 完全一致（由类型检查保证）。 */
export const zh: Messages = {
  'app.name': 'Nebula',
  'app.productName': '模型目录',
  'app.skipToContent': '跳到主要内容',

  'nav.label': '主导航',
  'nav.models': '模型',
  'nav.more': '更多',
  'nav.moreMenuLabel': '更多页面',
  'nav.modelCatalog': '模型目录',
  'nav.modelCatalogHint': '已下载模型与模型源检索',

  'lang.label': '语言',
  'lang.en': 'English',
  'lang.zh': '中文',

  'home.title': '欢迎使用 Nebula 模型目录',
  'home.body': '查看 Nebula 集群中的全部模型，并从 Hugging Face 和 ModelScope 导入新模型。请从“更多”菜单打开模型目录。',
  'home.openCatalog': '打开模型目录',

  'notFound.title': '页面不存在',
  'notFound.body': '{path} 没有对应的页面。',
  'notFound.back': '返回首页',

  'catalog.title': '模型目录',
  'catalog.subtitle': '集群中已有的全部模型，以及可从 Hugging Face 和 ModelScope 导入的模型。',

  'downloaded.title': '已下载模型',
  'downloaded.description': '已注册的模型和节点缓存中的模型文件：来源、大小、节点分布、状态与下载进度。',
  'downloaded.unavailableTitle': '暂不可用',
  'downloaded.unavailableBody': '本服务暂时还不能列出集群中的模型，支持后列表会显示在这里。',

  'search.title': '模型源检索',
  'search.description': '按关键字在 Hugging Face 或 ModelScope 上检索模型，并导入到集群。',
  'search.unavailableTitle': '暂不可用',
  'search.unavailableBody': '本服务暂时还不能检索模型源，支持后检索会显示在这里。',

  'caps.title': '服务状态',
  'caps.refresh': '刷新状态',
  'caps.refreshing': '正在刷新…',
  'caps.loading': '正在检查服务状态…',
  'caps.errorTitle': '无法加载服务状态',
  'caps.requestId': '请求 ID',
  'caps.retry': '重试',
  'caps.service': '服务',
  'caps.version': '版本 {version}',
  'caps.database': '数据库',
  'caps.nebula': 'Nebula',
  'caps.reachable': '可连接',
  'caps.unreachable': '无法连接',
  'caps.configured': '已配置',
  'caps.notConfigured': '未配置',
  'caps.simulatedShort': '模拟器',
  'caps.host': '主机',
  'caps.noHost': '无主机',
  'caps.enabled': '已启用',
  'caps.disabled': '已停用',
  'caps.tokenHintLabel': '关于访问令牌',
  'caps.tokenConfigured': '已设置令牌',
  'caps.tokenMissing': '未设置令牌',
  'caps.tokenHint': '服务是否持有该模型源的访问令牌。受限（gated）和私有模型需要令牌。',
  'caps.noHubs': '未配置任何模型源。',
  'caps.simulatorBanner': '已连接到内置的 Nebula 模拟器',
  'caps.simulatorBannerBody': '此处显示的模型、节点和下载均为模拟数据，不涉及真实 GPU 集群。',

  'provider.huggingface': 'Hugging Face',
  'provider.modelscope': 'ModelScope',
}
