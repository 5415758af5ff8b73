/**
 * Paragraphs the citation-coverage test may leave uncited: each names its article, the paragraph's opening
 * words and why it needs no source. Keep this list short; prefer a citation, or `<LabValue>` for a number
 * the site's own lab measured.
 */
export interface CitationException {
  article: string;
  /** The paragraph's first words, as the detector reads them (math and lab values left out). */
  opening: string;
  reason: string;
}

export const citationExceptions: CitationException[] = [];
