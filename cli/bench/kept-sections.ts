// The sections of BENCHMARKS.md that `npm run bench` does not write (between `<!-- name:start … -->` and
// `<!-- name:end -->`: the national-scale rows of `bench --scale`, the test-suite timings), kept when it rewrites the rest.

const SECTION = /<!-- ([\w-]+):start\b[^>]*-->[\s\S]*?<!-- \1:end -->/g;

/** Every marked section of `doc`, markers included, in document order. */
export function keptSections(doc: string): string[] {
  return [...doc.matchAll(SECTION)].map((match) => match[0]);
}

/** `generated` with each kept section appended, unless a section of that name is already in it. */
export function withKeptSections(generated: string, sections: readonly string[]): string {
  let doc = generated.trimEnd();
  for (const section of sections) {
    const name = /<!-- ([\w-]+):start/.exec(section)![1];
    if (!doc.includes(`<!-- ${name}:start`)) doc += `\n\n${section}`;
  }
  return `${doc}\n`;
}
