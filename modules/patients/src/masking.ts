/** 4101**********1234: the region prefix and last four stay, the rest is hidden */
export function maskDocument(value: string): string {
  if (value.length <= 8) return `${value.slice(0, 1)}${'*'.repeat(Math.max(value.length - 2, 1))}${value.slice(-1)}`;
  return `${value.slice(0, 4)}${'*'.repeat(value.length - 8)}${value.slice(-4)}`;
}

/** 138****5678 */
export function maskPhone(value: string): string {
  return value.length >= 7 ? `${value.slice(0, 3)}****${value.slice(-4)}` : '****';
}

/** 北京市朝阳区****: keeps the first six characters (province/city/district), hides the street */
export function maskAddress(value: string): string {
  const chars = [...value];
  return chars.length <= 6 ? `${chars.slice(0, 2).join('')}****` : `${chars.slice(0, 6).join('')}****`;
}
