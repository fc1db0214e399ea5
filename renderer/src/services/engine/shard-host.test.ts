// Tests of the shard worker's message handling: it takes its rows once, answers each request exactly as a shard in
// the same thread would, transfers the buffers of its replies, and reports failures as bilingual values.
import { describe, expect, it } from 'vitest';
import {
  copyHouseholds,
  incomeDeciles,
  KernelShard,
  resolveScenario,
  type ShardData,
  type ShardRequest,
} from '../../../../sim/index.ts';
import { syntheticHouseholds, syntheticRegions } from '../../../../sim/testing/index.ts';
import { createShardHost, type FromShard } from './shard-host.ts';

const regions = syntheticRegions(4, 2);
const households = syntheticHouseholds(2600, regions, 5, 0.3);
const decile = incomeDeciles(households);
const params = resolveScenario(
  {
    schemaVersion: 1,
    name: 'host',
    params: { standard: { scalePct: 15 }, monitoring: { targetShare: 0.1 } },
  },
  regions,
);

/** The second shard of a two-shard split with blocks of 1,000 rows: rows 1,000 … 2,600. */
function shardData(): ShardData {
  return {
    households: copyHouseholds(households, 1000, 2600),
    regions,
    decile: decile.slice(1000, 2600),
    rowOffset: 1000,
    blockRows: 1000,
  };
}

function recordingHost() {
  const posts: { message: FromShard; transfer: Transferable[] }[] = [];
  const receive = createShardHost((message, transfer) => posts.push({ message, transfer }));
  return { posts, receive };
}

describe('shard host', () => {
  it('answers requests as an in-thread shard does and transfers every reply buffer', () => {
    const { posts, receive } = recordingHost();
    const reference = new KernelShard(shardData());
    receive({ type: 'init', data: shardData() });
    expect(posts[0].message).toEqual({ type: 'ready', rows: 1600 });
    const requests: ShardRequest[] = [
      { kind: 'mass', params, start: 'dataset' },
      {
        kind: 'year',
        params,
        mode: 'ev',
        seed: 0,
        replication: 0,
        monitoringRatio: 0.9,
        start: 'dataset',
        carry: true,
      },
      // Needs the status the previous request carried, inside the host.
      {
        kind: 'year',
        params,
        mode: 'ev',
        seed: 0,
        replication: 0,
        monitoringRatio: 0.9,
        start: 'carried',
        carry: false,
      },
    ];
    requests.forEach((request, k) => {
      receive({ type: 'request', id: 10 + k, request });
      const { message, transfer } = posts[1 + k];
      const expected = reference.run(request);
      if (message.type !== 'reply') throw new Error(`expected a reply, got ${message.type}`);
      expect(message.id).toBe(10 + k);
      expect(message.reply.cells).toEqual(expected.cells);
      expect(message.reply.deciles).toEqual(expected.deciles);
      const arrays = [...message.reply.cells, ...message.reply.deciles];
      expect(arrays.length).toBeGreaterThan(0);
      expect(new Set(transfer).size).toBe(transfer.length);
      for (const part of arrays) expect(transfer).toContain(part.buffer);
      // Posting with that list detaches the host's copies, as the worker's postMessage does.
      structuredClone(message, { transfer });
      expect(arrays.every((part) => part.byteLength === 0)).toBe(true);
    });
  });

  it('refuses requests before it has rows, and rows off a block boundary, in both languages', () => {
    const { posts, receive } = recordingHost();
    receive({ type: 'request', id: 1, request: { kind: 'mass', params, start: 'dataset' } });
    expect(posts[0].message).toMatchObject({ type: 'failed', id: 1 });
    receive({ type: 'init', data: { ...shardData(), rowOffset: 999 } });
    const refused = posts[1].message;
    expect(refused).toMatchObject({ type: 'failed', id: null });
    if (refused.type === 'failed') {
      expect(refused.error.messageEn).toContain('block boundary');
      expect(refused.error.messageZh).toContain('block boundary');
    }
  });

  it('reports a request that fails inside the shard with its id and keeps answering', () => {
    const { posts, receive } = recordingHost();
    receive({ type: 'init', data: shardData() });
    receive({ type: 'request', id: 7, request: { kind: 'mass', params, start: 'carried' } });
    expect(posts[1].message).toMatchObject({ type: 'failed', id: 7 });
    receive({ type: 'request', id: 8, request: { kind: 'mass', params, start: 'dataset' } });
    expect(posts[2].message).toMatchObject({ type: 'reply', id: 8 });
  });
});
