// Charts as files: a live chart to PNG at print resolution (pixelRatio 3) or SVG, and any ECharts option rendered to a
// self-contained SVG string with ECharts' server-side renderer (no DOM needed), which is how the briefing embeds its
// charts so the HTML and the PDF carry vector graphics and searchable text.
import * as echarts from 'echarts';
import { baseOption } from '../charts/chart-theme.ts';

/** Print resolution for PNG exports (3 × CSS pixels ≈ 288 dpi). */
export const PNG_PIXEL_RATIO = 3;

/** Renders an option to an SVG document string of the given size (CSS pixels), animation off. */
export function renderChartSvg(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...baseOption(), animation: false, ...option }, { notMerge: true });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Decodes a `data:` URL (base64 or percent-encoded) into bytes. */
export function dataUrlBytes(url: string): Uint8Array {
  const comma = url.indexOf(',');
  const header = url.slice(0, comma);
  const body = url.slice(comma + 1);
  if (header.endsWith(';base64')) {
    const binary = atob(body);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }
  return new TextEncoder().encode(decodeURIComponent(body));
}

/** A live (canvas) chart as PNG bytes at print resolution on a white background. */
export function chartPng(chart: echarts.ECharts): Uint8Array {
  return dataUrlBytes(chart.getDataURL({ type: 'png', pixelRatio: PNG_PIXEL_RATIO, backgroundColor: '#ffffff' }));
}

/** A live chart as an SVG document: its current option re-rendered by the SVG renderer at the same size. */
export function chartSvg(chart: echarts.ECharts): string {
  const option = chart.getOption();
  const svg = renderChartSvg({ ...option, backgroundColor: '#ffffff' }, chart.getWidth(), chart.getHeight());
  return svg.startsWith('<?xml') ? svg : `<?xml version="1.0" encoding="UTF-8"?>\n${svg}`;
}
