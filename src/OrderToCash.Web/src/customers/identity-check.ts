import { t } from '../i18n/i18n';

/**
 * The SIREN and VAT checks as you type, the same as the server's (Siren.Problem, VatNumber.Problem): Luhn on the 9
 * digits, and the French VAT key (12 + 3 × (SIREN mod 97)) mod 97. The server checks again on save.
 */
export function sirenProblem(siren: string): string | null {
  if (!/^\d{9}$/.test(siren)) {
    return t('customers:sirenDigits');
  }
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let digit = Number(siren[8 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) {
        digit -= 9;
      }
    }
    sum += digit;
  }
  return sum % 10 === 0 ? null : t('customers:sirenChecksum');
}

export function vatFor(siren: string): string {
  const key = (12 + 3 * (Number(siren) % 97)) % 97;
  return `FR${String(key).padStart(2, '0')}${siren}`;
}
