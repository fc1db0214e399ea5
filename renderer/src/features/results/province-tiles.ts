// The province tile map's layout (31 provinces on an 8×8 grid, roughly where they lie: 新疆 top-left, 黑龙江
// top-right, 海南 at the bottom) and its colour scales, kept pure so layout and colouring are tested directly.

/** One province tile: GB/T 2260 code, short names, grid row and column (0-based). */
export interface ProvinceTile {
  code: string;
  shortZh: string;
  shortEn: string;
  row: number;
  col: number;
}

/** Grid size of the layout. */
export const TILE_ROWS = 8;
export const TILE_COLS = 8;

/** The layout table: approximate geography, one tile per province-level division of the mainland. */
export const PROVINCE_TILES: readonly ProvinceTile[] = [
  { code: '23', shortZh: '黑龙江', shortEn: 'Heilongjiang', row: 0, col: 7 },
  { code: '65', shortZh: '新疆', shortEn: 'Xinjiang', row: 1, col: 0 },
  { code: '15', shortZh: '内蒙古', shortEn: 'Inner Mongolia', row: 1, col: 4 },
  { code: '11', shortZh: '北京', shortEn: 'Beijing', row: 1, col: 5 },
  { code: '21', shortZh: '辽宁', shortEn: 'Liaoning', row: 1, col: 6 },
  { code: '22', shortZh: '吉林', shortEn: 'Jilin', row: 1, col: 7 },
  { code: '62', shortZh: '甘肃', shortEn: 'Gansu', row: 2, col: 2 },
  { code: '64', shortZh: '宁夏', shortEn: 'Ningxia', row: 2, col: 3 },
  { code: '14', shortZh: '山西', shortEn: 'Shanxi', row: 2, col: 4 },
  { code: '13', shortZh: '河北', shortEn: 'Hebei', row: 2, col: 5 },
  { code: '12', shortZh: '天津', shortEn: 'Tianjin', row: 2, col: 6 },
  { code: '63', shortZh: '青海', shortEn: 'Qinghai', row: 3, col: 1 },
  { code: '61', shortZh: '陕西', shortEn: 'Shaanxi', row: 3, col: 3 },
  { code: '41', shortZh: '河南', shortEn: 'Henan', row: 3, col: 4 },
  { code: '37', shortZh: '山东', shortEn: 'Shandong', row: 3, col: 5 },
  { code: '54', shortZh: '西藏', shortEn: 'Tibet', row: 4, col: 1 },
  { code: '51', shortZh: '四川', shortEn: 'Sichuan', row: 4, col: 2 },
  { code: '50', shortZh: '重庆', shortEn: 'Chongqing', row: 4, col: 3 },
  { code: '42', shortZh: '湖北', shortEn: 'Hubei', row: 4, col: 4 },
  { code: '34', shortZh: '安徽', shortEn: 'Anhui', row: 4, col: 5 },
  { code: '32', shortZh: '江苏', shortEn: 'Jiangsu', row: 4, col: 6 },
  { code: '31', shortZh: '上海', shortEn: 'Shanghai', row: 4, col: 7 },
  { code: '53', shortZh: '云南', shortEn: 'Yunnan', row: 5, col: 2 },
  { code: '52', shortZh: '贵州', shortEn: 'Guizhou', row: 5, col: 3 },
  { code: '43', shortZh: '湖南', shortEn: 'Hunan', row: 5, col: 4 },
  { code: '36', shortZh: '江西', shortEn: 'Jiangxi', row: 5, col: 5 },
  { code: '33', shortZh: '浙江', shortEn: 'Zhejiang', row: 5, col: 6 },
  { code: '45', shortZh: '广西', shortEn: 'Guangxi', row: 6, col: 3 },
  { code: '44', shortZh: '广东', shortEn: 'Guangdong', row: 6, col: 4 },
  { code: '35', shortZh: '福建', shortEn: 'Fujian', row: 6, col: 5 },
  { code: '46', shortZh: '海南', shortEn: 'Hainan', row: 7, col: 3 },
];

/** Looks a tile up by province code (the first two digits of any region code). */
export function tileOf(code: string): ProvinceTile | undefined {
  const province = code.slice(0, 2);
  return PROVINCE_TILES.find((t) => t.code === province);
}

/** Colouring of the map: sequential for levels, diverging (centred on zero) for changes. */
export type ColourScale = 'sequential' | 'diverging';

/** Value range used for colouring: min and max of the finite values (diverging: symmetric around 0). */
export function colourDomain(values: readonly number[], scale: ColourScale): [number, number] {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return [0, 1];
  if (scale === 'diverging') {
    const extent = Math.max(...finite.map((v) => Math.abs(v)));
    return extent === 0 ? [-1, 1] : [-extent, extent];
  }
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  return min === max ? [min, min + 1] : [min, max];
}

type Rgb = [number, number, number];
const SEQUENTIAL: Rgb[] = [
  [234, 241, 250],
  [158, 193, 228],
  [31, 95, 168],
  [16, 50, 94],
];
const NEGATIVE: Rgb = [46, 125, 79];
const NEUTRAL: Rgb = [244, 245, 247];
const POSITIVE: Rgb = [176, 58, 72];

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [0, 1, 2].map((i) => Math.round(a[i] + (b[i] - a[i]) * t)) as Rgb;
}

function hex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** The fill colour of a tile for a value; non-finite values (no data or suppressed) are light grey. */
export function tileColour(value: number, domain: [number, number], scale: ColourScale): string {
  if (!Number.isFinite(value)) return '#e3e6ea';
  if (scale === 'diverging') {
    const extent = Math.max(Math.abs(domain[0]), Math.abs(domain[1])) || 1;
    const t = Math.max(-1, Math.min(1, value / extent));
    return hex(t >= 0 ? mix(NEUTRAL, POSITIVE, t) : mix(NEUTRAL, NEGATIVE, -t));
  }
  const span = domain[1] - domain[0] || 1;
  const t = Math.max(0, Math.min(1, (value - domain[0]) / span)) * (SEQUENTIAL.length - 1);
  const index = Math.min(SEQUENTIAL.length - 2, Math.floor(t));
  return hex(mix(SEQUENTIAL[index], SEQUENTIAL[index + 1], t - index));
}

/** Dark or light text for legibility on a fill colour. */
export function textColourOn(fill: string): string {
  const r = parseInt(fill.slice(1, 3), 16);
  const g = parseInt(fill.slice(3, 5), 16);
  const b = parseInt(fill.slice(5, 7), 16);
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? '#1d2733' : '#ffffff';
}
