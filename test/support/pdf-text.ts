/**
 * The text of a PDF as Chromium (Skia) writes it, read back for tests without a PDF library: each
 * page's content stream (Flate) is walked for its text-showing operators, and the glyph codes
 * are turned back into text through each font's ToUnicode map, as a screen reader or a copy
 * and paste would. Enough for Chromium's PDFs (Type0 fonts, Identity-H, no object streams);
 * not a general PDF reader. Text runs of one BT…ET block are joined, blocks by a space.
 */
import { inflateSync } from 'node:zlib';

const latin1 = (bytes: Buffer) => bytes.toString('latin1');

function objectBody(text: string, id: string): string {
  const match = new RegExp(`(?:^|\\s)${id} 0 obj\\s*([\\s\\S]*?)endobj`).exec(text);
  if (!match) throw new Error(`object ${id} is missing`);
  return match[1]!;
}

/** The decoded bytes of stream object `id`. */
function streamOf(pdf: Buffer, text: string, id: string): Buffer {
  const start = new RegExp(`(?:^|\\s)${id} 0 obj\\s*<<([\\s\\S]*?)>>\\s*stream\\r?\\n`).exec(text);
  if (!start) throw new Error(`stream ${id} is missing`);
  const from = start.index + start[0].length;
  const to = text.indexOf('endstream', from);
  const raw = pdf.subarray(from, to);
  return /\/FlateDecode/.test(start[1]!) ? inflateSync(raw, { finishFlush: 2 }) : raw;
}

/** A ToUnicode CMap: glyph code (hex) → text. */
function cmapOf(source: string): Map<string, string> {
  const map = new Map<string, string>();
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of source.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, uni] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(code!.toUpperCase(), utf16(uni!));
  }
  for (const block of source.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, uni] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const width = lo!.length;
      for (let code = parseInt(lo!, 16), n = 0; code <= parseInt(hi!, 16); code++, n++) {
        map.set(code.toString(16).toUpperCase().padStart(width, '0'), String.fromCharCode(parseInt(uni!, 16) + n));
      }
    }
  }
  return map;
}

export interface PdfText {
  pages: string[];
  /** Every page's text, a space between pages. */
  text: string;
}

export function pdfText(pdf: Buffer): PdfText {
  const text = latin1(pdf);
  if (!text.startsWith('%PDF-')) throw new Error('not a PDF');
  const pageIds = [...text.matchAll(/(?:^|\s)(\d+) 0 obj\s*<<\/Type \/Page\b(?!s)/g)].map((m) => m[1]!);
  const cmaps = new Map<string, Map<string, string>>();
  const pages = pageIds.map((pageId) => {
    const page = objectBody(text, pageId);
    const fonts = new Map([...(/\/Font\s*<<([\s\S]*?)>>/.exec(page)?.[1] ?? '').matchAll(/\/(\w+)\s+(\d+) 0 R/g)].map((m) => [m[1]!, m[2]!]));
    const mapFor = (name: string) => {
      const fontId = fonts.get(name);
      if (!fontId) return new Map<string, string>();
      if (!cmaps.has(fontId)) {
        const toUnicode = /\/ToUnicode\s+(\d+) 0 R/.exec(objectBody(text, fontId))?.[1];
        cmaps.set(fontId, toUnicode ? cmapOf(latin1(streamOf(pdf, text, toUnicode))) : new Map());
      }
      return cmaps.get(fontId)!;
    };
    const contents = [...(/\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(page)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((m) => latin1(streamOf(pdf, text, m[1]!))).join('\n');
    let font = new Map<string, string>();
    let block = '';
    const out: string[] = [];
    const decode = (hex: string) => {
      const clean = hex.replace(/\s/g, '').toUpperCase();
      let s = '';
      for (let i = 0; i < clean.length; i += 4) s += font.get(clean.slice(i, i + 4)) ?? '';
      return s;
    };
    // Operators in order: font changes, text shown (hex strings, alone or in TJ arrays), block ends.
    for (const m of contents.matchAll(/\/(\w+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f\s]*)>\s*Tj|\[((?:\s*(?:<[0-9A-Fa-f\s]*>|-?[\d.]+))*)\s*\]\s*TJ|\bET\b/g)) {
      if (m[1]) font = mapFor(m[1]);
      else if (m[2] !== undefined) block += decode(m[2]);
      else if (m[3] !== undefined) block += [...m[3].matchAll(/<([0-9A-Fa-f\s]*)>/g)].map((h) => decode(h[1]!)).join('');
      else {
        out.push(block);
        block = '';
      }
    }
    return out.filter((s) => s.trim() !== '').join(' ');
  });
  return { pages, text: pages.join(' ') };
}
