// `npx vite examples/react-app` (after `npm run build`): the app on the package's browser build, as an
// app's bundler would resolve it. The test in test/app/ builds it with this config.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const dist = (file: string) => fileURLToPath(new URL(`../../dist/browser/${file}`, import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^user-management-sdk\/tanstack-query$/, replacement: dist('tanstack-query.js') },
      { find: /^user-management-sdk\/testing$/, replacement: dist('testing.js') },
      { find: /^user-management-sdk$/, replacement: dist('index.js') },
    ],
  },
  build: { target: 'es2022', sourcemap: false, reportCompressedSize: false },
  logLevel: 'warn',
});
