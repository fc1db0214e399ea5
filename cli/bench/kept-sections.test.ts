// The bench keeps the hand-written and scale sections of BENCHMARKS.md when it rewrites the 1M report.
import { describe, expect, it } from 'vitest';
import { keptSections, withKeptSections } from './kept-sections.ts';

const old = [
  '# Benchmarks',
  '',
  'old 1M table',
  '',
  '<!-- test-suite:start (written by hand) -->',
  '## Test suite',
  '57 min',
  '<!-- test-suite:end -->',
  '',
  '<!-- scale:start -->',
  '| 40,000,000 | validate | 212 |',
  '<!-- scale:end -->',
  '',
].join('\n');

describe('kept sections of BENCHMARKS.md', () => {
  it('finds each marked section whole, in order', () => {
    const sections = keptSections(old);
    expect(sections).toHaveLength(2);
    expect(sections[0]).toMatch(/^<!-- test-suite:start[\s\S]*57 min\n<!-- test-suite:end -->$/);
    expect(sections[1]).toContain('| 40,000,000 | validate | 212 |');
  });

  it('puts them after a freshly generated report and drops the old generated text', () => {
    const doc = withKeptSections('# Benchmarks\n\nnew 1M table\n', keptSections(old));
    expect(doc).toContain('new 1M table');
    expect(doc).not.toContain('old 1M table');
    expect(doc.indexOf('test-suite:start')).toBeLessThan(doc.indexOf('scale:start'));
    expect(keptSections(doc)).toEqual(keptSections(old));
  });

  it('does not add a section twice when the generated report already has one of that name', () => {
    const generated = '# B\n\n<!-- scale:start -->\nnew\n<!-- scale:end -->\n';
    const doc = withKeptSections(generated, keptSections(old));
    expect(doc.match(/scale:start/g)).toHaveLength(1);
    expect(doc).toContain('\nnew\n');
    expect(doc).toContain('test-suite:start');
  });
});
