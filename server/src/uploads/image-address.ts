/** A stored file's name under our storage's address: `<upload key>/<variant>.jpg`. */
const STORED_NAME = /^([a-f0-9]{32})\/(?:body|cover|thumb)\.jpg$/;
const ANY_STORED_NAME = /([a-f0-9]{32})\/(?:body|cover|thumb)\.jpg/g;

/** The upload key `src` names when it starts with one of our storage's `prefixes`, else null. */
export function uploadKeyOf(src: string, prefixes: readonly string[]): string | null {
  for (const prefix of prefixes) {
    if (!src.startsWith(prefix)) continue;
    const match = STORED_NAME.exec(src.slice(prefix.length));
    if (match) return match[1];
  }
  return null;
}

/**
 * Every upload key a piece of HTML could name, read from its raw text without parsing it (linear and cheap): a
 * superset of the keys its images name, to look up before the one sanitising pass. An address written with
 * entities is not found here, so its image is dropped: the safe way round.
 */
export function candidateKeys(html: string): string[] {
  return [...new Set(Array.from(html.matchAll(ANY_STORED_NAME), (m) => m[1]))];
}
