// The password policy as the server enforces it (12+ characters, upper, lower, digit), checked while typing.

export function passwordProblems(password: string): string[] {
  const problems: string[] = [];
  if (password.length < 12) problems.push('at least 12 characters');
  if (!/[A-Z]/.test(password)) problems.push('an upper-case letter');
  if (!/[a-z]/.test(password)) problems.push('a lower-case letter');
  if (!/[0-9]/.test(password)) problems.push('a digit');
  return problems;
}

export const passwordHint = 'At least 12 characters, with upper- and lower-case letters and a digit.';

/** The error to show under a new-password field, or undefined when it is fine or still empty. */
export function newPasswordError(password: string, confirm?: string): { password?: string; confirm?: string } {
  const out: { password?: string; confirm?: string } = {};
  if (password) {
    const p = passwordProblems(password);
    if (p.length > 0) out.password = `Still needs ${p.join(', ')}.`;
  }
  if (confirm !== undefined && confirm && confirm !== password) out.confirm = 'The two passwords differ.';
  return out;
}
