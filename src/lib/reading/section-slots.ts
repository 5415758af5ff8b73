/**
 * Placeholders in the section menu's copy templates (SectionMenu.astro), replaced in the browser by the
 * section that opened the menu. Plain characters, so no citation format escapes them.
 */
export const SECTION_SLOTS = { title: '§title§', anchor: '§anchor§' } as const;
