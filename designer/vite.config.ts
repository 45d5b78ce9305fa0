/**
 * Builds the practitioner workspace (and, later, the designer) into designer/dist, which the
 * server serves (server/routes/ui.ts). GOV.UK Frontend is built from its Sass (src/govuk-frontend.scss,
 * with Arial and without the GDS Transport font files); its CSS asks for images at /assets/…, and
 * the alias points those URLs at the package, so Vite bundles them with hashed names.
 */
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const govukAssets = here('../node_modules/govuk-frontend/dist/govuk/assets/');
const govukSass = here('../node_modules/govuk-frontend/dist/');

export default defineConfig({
  root: here('.'),
  base: '/',
  publicDir: false,
  plugins: [svelte()],
  css: { preprocessorOptions: { scss: { loadPaths: [govukSass], quietDeps: true } } },
  resolve: { alias: [{ find: /^\/assets\/(fonts|images)\//, replacement: `${govukAssets}$1/` }] },
  // Unminified CSS: GOV.UK's styles compress well, and readable CSS is easier to check.
  build: { outDir: here('dist'), emptyOutDir: true, assetsDir: 'assets', sourcemap: true, target: 'es2022', cssMinify: false },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
