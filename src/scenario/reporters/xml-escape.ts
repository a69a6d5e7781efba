/**
 * Text safe for XML 1.0 content and attributes. @note ANSI colour codes are removed first:
 * ESC is not a legal XML character, and one stray colour code makes a JUnit file unreadable
 * for CI servers.
 */
export function xmlEscape(text: string): string {
  // biome-ignore-start lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return text
    .replace(/\x1b\[[0-9;]*[A-Za-z]/g, '')
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
  // biome-ignore-end lint/suspicious/noControlCharactersInRegex: removing control characters is the point
}
