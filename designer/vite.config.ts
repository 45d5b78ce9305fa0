/**
 * Builds the practitioner workspace (and, later, the designer) into designer/dist, which the
 * server serves (server/routes/ui.ts). GOV.UK Frontend's compiled CSS asks for its fonts and
 * images at /assets/…; the alias points those URLs at the package, so Vite bundles them with
 * hashed names beside the rest.
 */
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const govukAssets = here('../node_modules/govuk-frontend/dist/govuk/assets/');

export default defineConfig({
  root: here('.'),
  base: '/',
  publicDir: false,
  plugins: [svelte()],
  resolve: { alias: [{ find: /^\/assets\/(fonts|images)\//, replacement: `${govukAssets}$1/` }] },
  // GOV.UK's CSS comes minified, with old IE hacks a re-minify would stumble on; ours is small.
  build: { outDir: here('dist'), emptyOutDir: true, assetsDir: 'assets', sourcemap: true, target: 'es2022', cssMinify: false },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
