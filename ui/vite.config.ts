import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const API = 'http://127.0.0.1:4319';

export default defineConfig({
  root,
  base: '/',
  plugins: [preact()],
  build: {
    outDir: '../dist/ui',
    emptyOutDir: true,
    // The pdf.js worker and the chart library are large by nature; they are split into their own chunks.
    chunkSizeWarningLimit: 1500,
    sourcemap: false,
    // The server's CSP allows no inline script: keep module preload polyfill out of the HTML.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      // The workspace server accepts only its own Host and Origin (DNS-rebinding and CSRF guards): present them.
      '/api': {
        target: API,
        changeOrigin: true,
        configure: (proxy) => {
          proxy.on('proxyReq', (req) => {
            if (req.getHeader('origin')) req.setHeader('origin', API);
          });
        },
      },
    },
  },
});
