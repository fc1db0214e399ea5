// The 'renderer-dom' test set-up (renderer/src/testing/fresh-stores.ts) resets every store before each file: a store
// added to the renderer and not to its list would carry one file's state into the next, so this test finds every
// store in the renderer's sources and asks for it there.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const RENDERER = new URL('../../renderer/src/', import.meta.url);

describe('renderer-dom set-up', () => {
  it('lists every Zustand store the renderer creates', () => {
    const declared = readdirSync(RENDERER, { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name))
      .flatMap((name) =>
        [...readFileSync(new URL(name, RENDERER), 'utf8').matchAll(/export const (use\w+) = create[<(]/g)].map(
          (match) => match[1],
        ),
      )
      .sort();
    expect(declared.length).toBeGreaterThanOrEqual(12);
    const setup = readFileSync(new URL('testing/fresh-stores.ts', RENDERER), 'utf8');
    const listed = setup.slice(setup.indexOf('RENDERER_STORES'));
    for (const store of declared) expect(listed, store).toMatch(new RegExp(`\\b${store},`));
  });
});
