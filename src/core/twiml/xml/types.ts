/**
 * The small, position-aware XML tree the TwiML layer works on. It is built from
 * fast-xml-parser's ordered output, with entities decoded by callrig (never by the parser).
 */
import type { SourcePos } from '../ast.ts';

export interface XmlAttr {
  name: string;
  /** Decoded value (predefined entities and numeric references only). */
  value: string;
  pos: SourcePos;
}

export interface XmlText {
  kind: 'text';
  /** Decoded text; CDATA sections arrive here verbatim. */
  text: string;
}

export interface XmlElement {
  kind: 'element';
  name: string;
  attrs: XmlAttr[];
  children: XmlNode[];
  pos: SourcePos;
}

export type XmlNode = XmlElement | XmlText;

/** A document-level problem found before or while building the tree (always 12100/11750). */
export interface XmlProblem {
  code: number;
  message: string;
  pos: SourcePos;
}
