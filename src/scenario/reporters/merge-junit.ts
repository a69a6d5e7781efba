import { readFile } from 'node:fs/promises';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const SUITE = /<testsuite\b[^>]*\/>|<testsuite\b[\s\S]*?<\/testsuite>/g;

/**
 * Merges JUnit documents (one per `--shard`) into one: every `<testsuite>` is kept as it
 * is and the `<testsuites>` totals are recomputed. Throws, naming the document, when one is
 * not well-formed XML.
 * @note Suites are copied as text rather than re-serialised, so nothing in them changes;
 * that is safe because `</testsuite>` can only appear as markup in escaped XML.
 */
export function mergeJunitXml(documents: readonly string[], names: readonly string[] = []): string {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
  const totals = { tests: 0, failures: 0, errors: 0, skipped: 0, time: 0 };
  const suites: string[] = [];
  documents.forEach((doc, i) => {
    const valid = XMLValidator.validate(doc);
    if (valid !== true) {
      throw new Error(
        `${names[i] ?? `document ${i + 1}`}: not valid XML (${valid.err.msg} at line ${valid.err.line})`,
      );
    }
    for (const block of doc.match(SUITE) ?? []) {
      const attrs = (parser.parse(block) as { testsuite?: Record<string, string> }).testsuite ?? {};
      totals.tests += Number(attrs.tests ?? 0);
      totals.failures += Number(attrs.failures ?? 0);
      totals.errors += Number(attrs.errors ?? 0);
      totals.skipped += Number(attrs.skipped ?? 0);
      totals.time += Number(attrs.time ?? 0);
      suites.push(`  ${block}`);
    }
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="callrig" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" skipped="${totals.skipped}" time="${totals.time.toFixed(3)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

/** Reads JUnit files and merges them (see `mergeJunitXml`). */
export async function mergeJunit(files: readonly string[]): Promise<string> {
  const documents = await Promise.all(files.map((f) => readFile(f, 'utf8')));
  return mergeJunitXml(documents, files);
}
