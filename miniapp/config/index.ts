import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

/** The domain core (`@mashang/shared`) is TypeScript source outside src/: Taro's babel must compile it too. */
const sharedSrc = path.resolve(__dirname, '../../shared/src');

/**
 * weapp has no same-origin: it needs an absolute API base (WeChat DevTools with “不校验合法域名” for
 * a local BFF). The h5 build is served by the BFF itself, so an empty base means same origin.
 */
function apiBase(): string {
  const fromEnv = process.env.TARO_APP_API_BASE;
  if (fromEnv !== undefined) return fromEnv.replace(/\/+$/, '');
  return process.env.TARO_ENV === 'weapp' ? 'http://127.0.0.1:3000' : '';
}

/**
 * The workspace root holds React 19 (pulled in by @testing-library/react) while Taro 4.2 needs
 * React 18, which npm therefore placed in miniapp/node_modules with @tarojs/react and the React
 * plugin. Looking there first gives every bundled module the same single React 18.
 */
const ownModules = path.resolve(__dirname, '../node_modules');

type ChainRule = { test(re: RegExp): ChainRule; include: { add(p: string): unknown }; sideEffects(v: boolean): unknown };
type ChainList = { prepend(p: string): unknown; add(p: string): unknown; values(): string[] };
type Chain = { module: { rule(name: string): ChainRule }; resolve: { modules: ChainList } };

function configure(chain: Chain): void {
  const modules = chain.resolve.modules;
  modules.prepend(ownModules);
  // An explicit list replaces webpack's default ['node_modules'], which must stay for everything else.
  if (!modules.values().includes('node_modules')) modules.add('node_modules');
  sharedWithoutSideEffects(chain);
}

/** Lets webpack drop whole shared modules the client does not use (calendar data, profiles…). */
function sharedWithoutSideEffects(chain: Chain): void {
  const rule = chain.module.rule('mashang-shared-pure').test(/\.ts$/);
  rule.include.add(sharedSrc);
  rule.sideEffects(false);
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'mashang-miniapp',
    date: '2026-1-1',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    env: {
      TARO_APP_API_BASE: JSON.stringify(apiBase()),
      TARO_APP_SUBSCRIBE_TEMPLATES: JSON.stringify(process.env.TARO_APP_SUBSCRIBE_TEMPLATES ?? ''),
    },
    alias: { '@mashang/shared': sharedSrc },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      compile: { include: [sharedSrc, (file: string) => /node_modules[\\/]zod[\\/]/.test(file)] },
      postcss: { pxtransform: { enable: true, config: {} }, cssModules: { enable: false } },
      webpackChain(chain) {
        configure(chain as unknown as Chain);
      },
    },
    h5: {
      publicPath: '/h5/',
      staticDirectory: 'static',
      router: { mode: 'browser', basename: '/h5' },
      compile: { include: [sharedSrc] },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[contenthash:8].css', chunkFilename: 'css/[name].[contenthash:8].css' },
      postcss: { autoprefixer: { enable: true, config: {} }, cssModules: { enable: false } },
      webpackChain(chain) {
        configure(chain as unknown as Chain);
      },
    },
  };
  return process.env.NODE_ENV === 'development' ? merge({}, baseConfig, devConfig) : merge({}, baseConfig, prodConfig);
});
