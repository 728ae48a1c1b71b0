// A styled paragraph of the text panels, as the layers build it and the wrapper lays it out.
export interface Piece {
  text: string;
  bold?: boolean;
  color?: string;
  /** Tint drawn behind the text (mentions of a candidate). */
  highlight?: string;
  /** Set in the code font (a model's JSON answer). */
  mono?: boolean;
}

export interface Paragraph {
  pieces: Piece[];
  size: number;
  lineHeight: number;
  color: string;
  bold?: boolean;
  /** Fill colour of a band behind the paragraph's lines (section headings). */
  band?: string;
  /** Extra space above the first line, in px. */
  spaceBefore?: number;
  /** Continuation lines start under the text after this many leading UTF-16 units (a `- ` bullet). */
  hangChars?: number;
  /** Do not end a column right after this paragraph (headings). */
  keepWithNext?: boolean;
  /** Every piece in the code font. */
  mono?: boolean;
}
