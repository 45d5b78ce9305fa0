/**
 * Builds the practitioner workspace (and, later, the designer) into designer/dist, which the
 * server serves (server/routes/ui.ts). GOV.UK Frontend is built from its Sass (src/govuk-frontend.scss,
 * with Arial and without the GDS Transport font files); its CSS asks for images at /assets/…, and
 * the alias points those URLs at the package, so Vite bundles them with hashed names.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const govukAssets = here('../node_modules/govuk-frontend/dist/govuk/assets/');
const govukSass = here('../node_modules/govuk-frontend/dist/');

/**
 * The task page evaluates guards with the engine's own rules and working-day calendar
 * (src/workspace/task/live-guards.ts). The calendar's bank holidays are read by engine/calendar/holiday-source.ts,
 * the only importer of `date-holidays`, whose data is every country's (about 800 KB). In the
 * browser that module is replaced by src/workspace/task/bank-holidays.ts, with the same export,
 * which answers from the list the server sends with each task (`evaluation.calendar.bankHolidays`,
 * last year to three years ahead) and throws for any other year. Matched by the resolved path, so
 * no other module of that name is touched.
 */
const engineHolidays = here('../engine/calendar/holiday-source.ts');
const browserHolidays = here('src/workspace/task/bank-holidays.ts');
const holidaysFromServer: Plugin = {
  name: 'stepwise-bank-holidays-from-server',
  enforce: 'pre',
  resolveId(source, importer) {
    if (importer && source.startsWith('.') && resolve(dirname(importer), source) === engineHolidays) return browserHolidays;
    return null;
  },
};

export default defineConfig({
  root: here('.'),
  base: '/',
  publicDir: false,
  plugins: [holidaysFromServer, svelte()],
  css: { preprocessorOptions: { scss: { loadPaths: [govukSass], quietDeps: true } } },
  resolve: { alias: [{ find: /^\/assets\/(fonts|images)\//, replacement: `${govukAssets}$1/` }] },
  // Unminified CSS: GOV.UK's styles compress well, and readable CSS is easier to check.
  build: { outDir: here('dist'), emptyOutDir: true, assetsDir: 'assets', sourcemap: true, target: 'es2022', cssMinify: false },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
