// The counter-based generator: uniform, uncorrelated across households, draws and replications, and pure.
import { describe, expect, it } from 'vitest';
import { uniform } from './counter-hash.ts';

describe('uniform', () => {
  it('is a pure function of its four counters', () => {
    expect(uniform(1, 2, 3, 4)).toBe(uniform(1, 2, 3, 4));
    expect(uniform(1, 2, 3, 4)).not.toBe(uniform(1, 2, 3, 5));
    expect(uniform(1, 2, 3, 4)).not.toBe(uniform(1, 3, 3, 4));
    expect(uniform(1, 2, 3, 4)).not.toBe(uniform(2, 2, 3, 4));
  });

  it('is uniform on [0, 1) (mean, variance, 20-bin chi-square)', () => {
    const n = 200000;
    const bins = new Float64Array(20);
    let sum = 0;
    let sumSq = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = uniform(7, 0, i, 1);
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
      sumSq += u * u;
      bins[Math.floor(u * 20)]++;
    }
    expect(outside).toBe(0);
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(sumSq / n - (sum * sum) / n / n - 1 / 12)).toBeLessThan(0.002);
    const expected = n / 20;
    const chi2 = bins.reduce((s, b) => s + (b - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(43.8); // 99.9th percentile of chi-square with 19 degrees of freedom
  });

  it('shows no correlation between neighbouring households, draws or replications', () => {
    const n = 100000;
    const corr = (f: (i: number) => [number, number]) => {
      let sx = 0;
      let sy = 0;
      let sxy = 0;
      let sxx = 0;
      let syy = 0;
      for (let i = 0; i < n; i++) {
        const [x, y] = f(i);
        sx += x;
        sy += y;
        sxy += x * y;
        sxx += x * x;
        syy += y * y;
      }
      const cov = sxy / n - (sx / n) * (sy / n);
      return cov / Math.sqrt((sxx / n - (sx / n) ** 2) * (syy / n - (sy / n) ** 2));
    };
    expect(Math.abs(corr((i) => [uniform(3, 0, i, 1), uniform(3, 0, i + 1, 1)]))).toBeLessThan(0.015);
    expect(Math.abs(corr((i) => [uniform(3, 0, i, 1), uniform(3, 0, i, 2)]))).toBeLessThan(0.015);
    expect(Math.abs(corr((i) => [uniform(3, 0, i, 1), uniform(3, 1, i, 1)]))).toBeLessThan(0.015);
  });
});
