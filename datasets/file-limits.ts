// Limits and decoding shared by every reader of small JSON documents (scenario files, saved column mappings), so the
// app and the CLI accept and refuse the same files: size caps, and a UTF-8 byte-order mark (as Windows Notepad writes)
// dropped before parsing.

/** Largest scenario file accepted (bytes): scenarios are small patches, anything bigger is not a scenario. */
export const MAX_SCENARIO_FILE_BYTES = 4 * 1024 * 1024;

/** Largest saved column-mapping file accepted (bytes): a mapping names at most a few thousand columns and codes. */
export const MAX_MAPPING_FILE_BYTES = 1024 * 1024;

/** Text without a leading byte-order mark. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
