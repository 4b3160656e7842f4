/**
 * Removes contact and payment details from free text before it is stored: email addresses, card-like
 * numbers (13-19 digits that pass the Luhn check) and phone numbers (9-15 digits, with the usual separators).
 * Order numbers, prices and dates are left alone because they are shorter.
 */
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const CARD_CANDIDATE = /(?<![\d])\d(?:[ -]?\d){12,18}(?![\d])/g;
const PHONE_CANDIDATE = /(?<![\w+])(?:\+|\(\s*)?\d[\d\s().-]{6,22}\d(?![\w])/g;

export const REDACTED = { email: '[email]', card: '[card]', phone: '[phone]' } as const;

/** Stands in, in a transcript, for the shopper's answer to a sign-in question, for every role. */
export const HIDDEN_SIGN_IN_ANSWER = '[sign-in answer hidden]';

export function redact(text: string): string {
  return text
    .replace(EMAIL, REDACTED.email)
    .replace(CARD_CANDIDATE, (match) => (passesLuhn(digitsOf(match)) ? REDACTED.card : match))
    .replace(PHONE_CANDIDATE, (match) => {
      const count = digitsOf(match).length;
      return count >= 9 && count <= 15 ? REDACTED.phone : match;
    });
}

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

export function passesLuhn(digits: string): boolean {
  if (digits.length < 13 || digits.length > 19) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
