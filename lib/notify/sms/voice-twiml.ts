/**
 * The call script sent with a voice call. The text carries user-influenced values (the company name
 * from settings, one day a nickname), so it is escaped: an unescaped "<" would let text become markup
 * such as <Dial> or <Redirect> and take over the call.
 */
export function escapeXml(text: string): string {
  return (
    text
      // Characters XML 1.0 does not allow at all, which escaping cannot save.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
  );
}

export function voiceTwiml(spokenText: string): string {
  return `<Response><Say>${escapeXml(spokenText)}</Say></Response>`;
}
