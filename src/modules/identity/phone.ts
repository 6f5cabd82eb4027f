// Phone numbers in one form, E.164 (+14155552671), as identity.users.phone stores them. A number given with a
// leading + is read as international; bare national digits are read as a US number.
import { parsePhoneNumberFromString } from 'libphonenumber-js';

const defaultRegion = 'US';

function parse(input: string) {
  const trimmed = input.trim();
  // Phone numbers are digits and a little punctuation; anything else (letters, an @) is not one.
  if (!/^\+?[0-9\s().-]{3,30}$/.test(trimmed)) return undefined;
  return parsePhoneNumberFromString(trimmed, defaultRegion);
}

/** The E.164 form of a number that could exist (right length for its country), or null. */
export function possiblePhone(input: string): string | null {
  const parsed = parse(input);
  return parsed?.isPossible() ? parsed.number : null;
}

/** The E.164 form of a number valid in its numbering plan (what we send SMS to), or null. */
export function validPhone(input: string): string | null {
  const parsed = parse(input);
  return parsed?.isValid() ? parsed.number : null;
}

/** A phone number with all but the last two digits hidden, for messages and audit records. */
export function maskPhone(e164: string): string {
  return `${e164.slice(0, 2)}${'•'.repeat(Math.max(0, e164.length - 4))}${e164.slice(-2)}`;
}
