/**
 * BCP-47 shape check for `language` attributes (Say, Gather).
 * @note A shape check, not a registry lookup: Twilio's accepted set changes often, and a
 * wrong-but-well-formed tag is Twilio's "unsupported voice/language pair" case, not ours.
 */
export function isLanguageTag(v: string): boolean {
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/.test(v);
}
