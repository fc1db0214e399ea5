// The one ECharts host component: themed, resizes with its box, disposes on unmount, exposes the instance for export.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts';
import { baseOption } from './chart-theme.ts';

export interface EChartProps {
  option: echarts.EChartsCoreOption;
  height?: number | string;
  /** Accessible label and export file name stem. */
  label: string;
  onReady?: (chart: echarts.ECharts) => void;
  onClick?: (params: echarts.ECElementEvent) => void;
}

/** Renders an ECharts option; the option is replaced (not merged) whenever it changes. */
export function EChart({ option, height = 320, label, onReady, onClick }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    instance.setOption({ ...baseOption(), ...option }, { notMerge: true });
    onReady?.(instance);
  }, [option, onReady]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onClick) return;
    instance.on('click', onClick);
    return () => {
      instance.off('click', onClick);
    };
  }, [onClick]);

  return <div ref={box} className="chart" role="img" aria-label={label} data-chart={label} style={{ height }} />;
}
