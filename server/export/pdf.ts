/**
 * The printable document as a PDF, printed by the Chromium the project already uses (Debian's
 * /usr/bin/chromium, or STEPWISE_CHROMIUM_PATH) through playwright-core: the same HTML, so the
 * PDF says exactly what the HTML says. The page runs without JavaScript and may fetch nothing.
 * The PDF is tagged (headings, tables and lists for screen readers) with an outline of headings.
 * Without a Chromium the PDF is refused with 503; the HTML and JSON exports still work.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { HttpProblem } from '../http/problem.ts';
import { escapeHtml } from './html.ts';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Where Chromium is: STEPWISE_CHROMIUM_PATH, else Debian's. */
export const chromiumPath = () => process.env['STEPWISE_CHROMIUM_PATH'] || DEFAULT_CHROMIUM;

const unavailable = (detail: string) => new HttpProblem(503, 'pdf_unavailable', `${detail} The HTML and JSON exports still work; print the HTML to PDF from a browser instead.`);

/** Refuses (503) before anything is read if there is no Chromium to print with. */
export function assertPdfAvailable(): void {
  if (!existsSync(chromiumPath())) throw unavailable(`No Chromium was found at ${chromiumPath()} to make the PDF (set STEPWISE_CHROMIUM_PATH).`);
}

export async function htmlToPdf(html: string, footerText: string): Promise<Uint8Array> {
  assertPdfAvailable();
  let browser;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
  } catch {
    throw unavailable('Chromium could not be started to make the PDF.');
  }
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    // Nothing is fetched: the document is self-contained, and anything else is refused.
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const footer = `<div style="font: 8pt arial, sans-serif; color: #505a5f; width: 100%; padding: 0 15mm; display: flex; justify-content: space-between;"><span>${escapeHtml(footerText)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate: footer, tagged: true, outline: true });
  } finally {
    await browser.close().catch(() => undefined);
  }
}
