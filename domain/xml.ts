/** XML escaping, shared by the SSML builder, the say-as markup and the drawn product pictures. */
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes the five XML special characters; also drops control characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex
  const printable = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
  return printable.replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch] ?? ch);
}
