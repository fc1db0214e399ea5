// Child process of `bench --scale`: runs one stage (generate, validate, year, projection) and prints its row as JSON.
import { SCALE_STAGES, runScaleStage } from './scale.ts';
import type { ScaleStage } from './scale.ts';

const [stage, households, dir] = process.argv.slice(2);
if (!SCALE_STAGES.includes(stage as ScaleStage) || !Number.isSafeInteger(Number(households)) || !dir) {
  process.stderr.write('用法 / usage: scale-stage.ts generate|validate|year|projection N DIR\n');
  process.exitCode = 2;
} else {
  const row = await runScaleStage(stage as ScaleStage, Number(households), dir);
  process.stdout.write(`${JSON.stringify(row)}\n`);
}
