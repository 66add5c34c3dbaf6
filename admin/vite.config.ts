import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const sharedSrc = fileURLToPath(new URL('../shared/src', import.meta.url));

/** The shared domain core is pure: let the bundler drop the modules the pages do not use (calendar data, profiles…). */
function sharedWithoutSideEffects(): Plugin {
  return {
    name: 'mashang-shared-pure',
    transform(_code, id) {
      return id.startsWith(sharedSrc) ? { code: _code, moduleSideEffects: false, map: null } : null;
    },
  };
}

/** The staff workbench, served by the BFF at /admin/ (bff/src/admin-web). */
export default defineConfig({
  base: '/admin/',
  plugins: [react(), sharedWithoutSideEffects()],
  resolve: {
    alias: { '@mashang/shared': `${sharedSrc}/index.ts` },
    // antd is hoisted to the root, where React 19 lives for the tests: every import gets the workbench's React 18.
    dedupe: ['react', 'react-dom'],
  },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000, reportCompressedSize: false },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
