/**
 * Extensions always read as text (their binary content is the text reader's
 * concern). Apart from the Office reader, so that checking a text file loads
 * none of it (its zip and XML libraries build tables when loaded).
 */
export const TEXT_EXTENSIONS = ['.md', '.markdown', '.mdx', '.txt'];
