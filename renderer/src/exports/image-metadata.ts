// Provenance inside chart images: an iTXt chunk (UTF-8 text) before IEND in PNG files, a <metadata> element in SVG
// files, so a chart that travels alone still says what produced it.
import type { Provenance } from './provenance.ts';
import { canonicalJson } from './provenance.ts';
import { escapeXml } from './xml.ts';

/** The keyword under which PNG files carry the provenance JSON. */
export const PNG_PROVENANCE_KEYWORD = 'safetynet-provenance';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG chunks use it. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Inserts an iTXt chunk (keyword, UTF-8 text) before the IEND chunk of a PNG file. */
export function addPngText(png: Uint8Array, keyword: string, text: string): Uint8Array {
  const encoder = new TextEncoder();
  const data = new Uint8Array([...encoder.encode(keyword), 0, 0, 0, 0, 0, ...encoder.encode(text)]);
  const type = encoder.encode('iTXt');
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(type, 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  const iend = png.length - 12;
  const out = new Uint8Array(png.length + chunk.length);
  out.set(png.subarray(0, iend), 0);
  out.set(chunk, iend);
  out.set(png.subarray(iend), iend + chunk.length);
  return out;
}

/** Reads the text of an iTXt chunk with the given keyword, or null. */
export function readPngText(png: Uint8Array, keyword: string): string | null {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const decoder = new TextDecoder();
  for (let offset = 8; offset + 12 <= png.length;) {
    const length = view.getUint32(offset);
    const type = decoder.decode(png.subarray(offset + 4, offset + 8));
    if (type === 'iTXt') {
      const data = png.subarray(offset + 8, offset + 8 + length);
      const end = data.indexOf(0);
      if (decoder.decode(data.subarray(0, end)) === keyword) return decoder.decode(data.subarray(end + 5));
    }
    offset += 12 + length;
  }
  return null;
}

/** A PNG with the provenance embedded. */
export function pngWithProvenance(png: Uint8Array, provenance: Provenance): Uint8Array {
  return addPngText(png, PNG_PROVENANCE_KEYWORD, canonicalJson(provenance));
}

/** An SVG document with the provenance in a <metadata> element right after the opening <svg> tag. */
export function svgWithProvenance(svg: string, provenance: Provenance): string {
  const metadata = `<metadata id="safetynet-provenance">${escapeXml(canonicalJson(provenance))}</metadata>`;
  return svg.replace(/<svg\b[^>]*>/, (tag) => `${tag}${metadata}`);
}
