import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';

/** RFC 6238 TOTP (30 s, 6 digits, SHA-1) as every authenticator app implements it. */
export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, account: string): string {
  return generateURI({ issuer: '康云 Kangyun', label: account, secret });
}

export function totpCode(secret: string): string {
  return generateSync({ secret });
}

/** accepts the current code and the neighbouring period either side (clock drift) */
export function verifyTotp(secret: string, code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  try {
    return verifySync({ secret, token: code, epochTolerance: 30 }).valid;
  } catch {
    return false;
  }
}
