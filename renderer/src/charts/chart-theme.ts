// One calm, consistent chart theme for every ECharts chart; animation is off under automation so screenshots are
// never half-drawn.
export const PALETTE = ['#1f5fa8', '#d9822b', '#2e8b57', '#b03a48', '#7b5ea7', '#3c9db5', '#8c6d31', '#6b7785'];

export const FONT_FAMILY =
  '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", system-ui, sans-serif';

/** True when a test driver controls the page (Playwright sets navigator.webdriver). */
export function isAutomated(): boolean {
  return typeof navigator !== 'undefined' && navigator.webdriver === true;
}

/** Base options merged under every chart's own options. */
export function baseOption(): Record<string, unknown> {
  return {
    color: PALETTE,
    animation: !isAutomated(),
    textStyle: { fontFamily: FONT_FAMILY, fontSize: 12, color: '#1d2733' },
    grid: { left: 56, right: 24, top: 40, bottom: 40, containLabel: true },
    tooltip: { confine: true, textStyle: { fontFamily: FONT_FAMILY } },
  };
}
