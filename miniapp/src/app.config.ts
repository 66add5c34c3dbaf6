/**
 * Main package: what the first screen needs (home, scan, success, my list), ≤ 400 KB
 * (scripts/miniapp-budget.js). The submit form (with the shared zod schemas it validates with),
 * detail, knowledge and the privacy guide are subpackages. The submit page keeps its path
 * (pages/submit/index, a subpackage of its own root) and is preloaded as soon as the home or a
 * scanned code point shows, so the citizen's tap on 我要反映 does not wait for it.
 */
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/scan/index', 'pages/success/index', 'pages/mine/index'],
  subPackages: [
    { root: 'pages/submit', pages: ['index'] },
    { root: 'sub/ticket', pages: ['detail/index'] },
    { root: 'sub/knowledge', pages: ['search/index', 'article/index', 'cases/index'] },
    { root: 'sub/privacy', pages: ['index'] },
  ],
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['pages/submit'] },
    'pages/scan/index': { network: 'all', packages: ['pages/submit'] },
    'pages/mine/index': { network: 'all', packages: ['sub/ticket'] },
  },
  window: {
    navigationBarTitleText: '码上反映',
    navigationBarBackgroundColor: '#b71c1c',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f4f4',
    backgroundTextStyle: 'dark',
  },
  permission: {
    'scope.userLocation': { desc: '用于记录您反映问题的地点' },
  },
  requiredPrivateInfos: ['chooseLocation'],
});
