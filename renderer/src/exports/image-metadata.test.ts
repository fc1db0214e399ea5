// Provenance in images: the PNG chunk has a valid CRC and round-trips UTF-8 text; SVG metadata is escaped.
// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  addPngText,
  crc32,
  pngWithProvenance,
  readPngText,
  svgWithProvenance,
  PNG_PROVENANCE_KEYWORD,
} from './image-metadata.ts';
import { fixedProvenance } from './test-fixtures.ts';

/** The smallest valid PNG: 1×1 grey pixel (signature, IHDR, IDAT, IEND). */
const TINY_PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg=='),
  (ch) => ch.charCodeAt(0),
);

describe('image provenance', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(TINY_PNG.subarray(12, 29))).toBe(new DataView(TINY_PNG.buffer).getUint32(29));
  });

  it('adds an iTXt chunk before IEND and reads the UTF-8 text back', async () => {
    const provenance = await fixedProvenance();
    const png = pngWithProvenance(TINY_PNG, provenance);
    expect(new TextDecoder().decode(png.subarray(png.length - 8, png.length - 4))).toBe('IEND');
    expect(JSON.parse(readPngText(png, PNG_PROVENANCE_KEYWORD) ?? '')).toEqual(provenance);
    expect(readPngText(addPngText(TINY_PNG, 'other', '中文'), 'other')).toBe('中文');
    expect(readPngText(TINY_PNG, PNG_PROVENANCE_KEYWORD)).toBeNull();
  });

  it('puts escaped provenance in SVG metadata', async () => {
    const provenance = await fixedProvenance();
    const svg = svgWithProvenance('<svg width="10" height="10"><rect/></svg>', provenance);
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(JSON.parse(doc.getElementById('safetynet-provenance')?.textContent ?? '')).toEqual(provenance);
  });
});
