// Phone numbers as lists show them: 138****5678, so a screen or a screenshot never carries a whole number.
/** A mainland mobile (optionally +86) masked to its first three and last four digits; anything else to stars. */
export function maskMobile(mobile: string): string {
  const bare = mobile.replace(/[\s-]/g, '').replace(/^(\+?86)/, '');
  return /^1\d{10}$/.test(bare) ? `${bare.slice(0, 3)}****${bare.slice(7)}` : '***********';
}
