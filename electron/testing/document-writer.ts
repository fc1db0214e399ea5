// Child process for the kill-mid-save test: saves ever newer versions of a large document through DocumentStore in a
// loop, printing `saved <n>` after each completed save, until it is killed. Usage: document-writer.ts <dir> <bytes>.
import { DocumentStore } from '../documents/document-store.ts';

const [dir, sizeText] = process.argv.slice(2);
const store = new DocumentStore(dir);
const payload = 'x'.repeat(Number(sizeText));

for (let version = 1; ; version += 1) {
  await store.save('workspace', { version, payload, checksum: version * 7 + payload.length });
  process.stdout.write(`saved ${version}\n`);
}
