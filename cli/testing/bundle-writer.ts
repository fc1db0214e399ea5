// Test helper run as a child process: writes result bundles into one folder over and over (version 1, 2, 3 …, each
// with a different payload and its provenance), printing `wrote N` after each, until it is killed.
import { writeResultBundle } from '../output/write-results.ts';
import type { ColumnTable } from '../output/column-table.ts';
import type { Provenance } from '../provenance.ts';

const [outDir, rowsText] = process.argv.slice(2);
const rows = Number(rowsText ?? '20000');

/** A table whose every value depends on the version, so a mixture of two versions cannot pass the hash check. */
function table(name: string, version: number): ColumnTable {
  const values = new Float64Array(rows);
  for (let i = 0; i < rows; i++) values[i] = version * 1e6 + i * 0.5;
  return { name, columns: { row: Array.from({ length: rows }, (_, i) => `r${i}`), value: values } };
}

for (let version = 1; ; version++) {
  await writeResultBundle(
    outDir,
    {
      tables: [table('summary_national', version), table('summary_province', version), table('deciles', version)],
      jsonTables: ['deciles'],
      summary: { v: version },
    },
    (outputs): Provenance => ({
      tool: 'safetynet',
      appVersion: 'test',
      engineVersion: 'test',
      command: 'run',
      mode: 'ev',
      seed: version,
      replications: 0,
      years: 0,
      suppressionMinCell: 10,
      datasetFiles: [],
      synthetic: true,
      scenario: { version },
      scenarioSha256: '',
      outputs,
      timestamp: 'fixed',
    }),
  );
  process.stdout.write(`wrote ${version}\n`);
}
