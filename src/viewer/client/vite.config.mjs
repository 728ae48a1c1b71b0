// Bundles the viewer's page script (main.ts beside this file and what it imports) into one classic script,
// dist/viewer/page-script.js, which page.ts inlines into every index.html (a file:// page loads no modules).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../../dist/viewer', import.meta.url)),
    emptyOutDir: false,
    target: 'es2022',
    minify: false,
    sourcemap: false,
    copyPublicDir: false,
    reportCompressedSize: false,
    lib: {
      entry: fileURLToPath(new URL('./main.ts', import.meta.url)),
      formats: ['iife'],
      name: 'humanrefViewer',
      fileName: () => 'page-script.js',
    },
  },
});
