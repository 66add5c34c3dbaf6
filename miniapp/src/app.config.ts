/**
 * Main package: the path every citizen walks (home, scan, submit, my list). Detail and knowledge
 * pages are subpackages, loaded on first visit, which keeps the main package small for cheap phones.
 */
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/scan/index', 'pages/submit/index', 'pages/success/index', 'pages/mine/index'],
  subPackages: [
    { root: 'sub/ticket', pages: ['detail/index'] },
    { root: 'sub/knowledge', pages: ['search/index', 'article/index', 'cases/index'] },
    { root: 'sub/privacy', pages: ['index'] },
  ],
  preloadRule: {
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
