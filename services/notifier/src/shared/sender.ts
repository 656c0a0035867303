// The sender address from MAIL_FROM (`Name <address>` or a bare address).
export function parseSender(raw: string): { name: string; email: string } {
  const match = /^\s*(.*?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(raw);
  if (match?.[2] !== undefined) return { name: match[1] ?? '', email: match[2] };
  return { name: '', email: raw.trim() };
}
