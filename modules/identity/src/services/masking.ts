/** 138****5678 */
export function maskMobile(mobile: string | null): string | null {
  if (!mobile) return mobile;
  return mobile.length >= 7 ? `${mobile.slice(0, 3)}****${mobile.slice(-4)}` : '****';
}
