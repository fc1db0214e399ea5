// Tests of the worker protocol's pure scheduling rules: latest request wins per lane, loads never dropped.
import { describe, expect, it } from 'vitest';
import { LaneTracker, takeNext, toErrorInfo, transferablesOf, type ToWorker } from './engine-protocol.ts';

const call = (id: number, lane: string): ToWorker =>
  ({ type: 'call', id, lane, kind: 'trace', payload: {} }) as unknown as ToWorker;
const load = (id: number): ToWorker =>
  ({ type: 'load', id, datasetId: 'd', households: {}, regions: {} }) as unknown as ToWorker;

describe('takeNext', () => {
  it('returns nothing for an empty queue', () => {
    expect(takeNext([])).toEqual({ next: null, dropped: [], rest: [] });
  });

  it('drops every queued call superseded by a newer one in the same lane', () => {
    const { next, dropped, rest } = takeNext([call(1, 'year'), call(2, 'year'), call(3, 'project'), call(4, 'year')]);
    expect(dropped).toEqual([1, 2]);
    expect(next?.id).toBe(3);
    expect(rest.map((m) => m.id)).toEqual([4]);
  });

  it('keeps loads and runs them in order before later calls', () => {
    const { next, dropped, rest } = takeNext([load(1), call(2, 'year'), load(3), call(4, 'year')]);
    expect(dropped).toEqual([2]);
    expect(next?.id).toBe(1);
    expect(rest.map((m) => m.id)).toEqual([3, 4]);
  });
});

describe('LaneTracker', () => {
  it('treats only the newest id of a lane as current', () => {
    const lanes = new LaneTracker();
    lanes.issue('year', 1);
    lanes.issue('year', 2);
    lanes.issue('trace', 3);
    expect(lanes.isCurrent('year', 1)).toBe(false);
    expect(lanes.isCurrent('year', 2)).toBe(true);
    expect(lanes.isCurrent('trace', 3)).toBe(true);
  });
});

describe('transferablesOf', () => {
  it('lists each typed array buffer once and ignores other fields', () => {
    const shared = new Float64Array(4);
    const buffers = transferablesOf({
      a: shared,
      b: new Float64Array(shared.buffer, 8, 1),
      c: new Uint8Array(2),
      n: 3,
    });
    expect(buffers).toHaveLength(2);
    expect(buffers).toContain(shared.buffer);
  });
});

describe('toErrorInfo', () => {
  it('keeps bilingual errors and wraps plain ones in both languages', () => {
    expect(toErrorInfo({ messageZh: '甲', messageEn: 'a' })).toEqual({ messageZh: '甲', messageEn: 'a' });
    const wrapped = toErrorInfo(new Error('boom'));
    expect(wrapped.messageZh).toContain('boom');
    expect(wrapped.messageEn).toContain('boom');
  });
});
