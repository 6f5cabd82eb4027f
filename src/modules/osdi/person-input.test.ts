import { describe, expect, it } from 'vitest';
import { osdiBase } from './hal.ts';
import { osdiPhone, readPerson } from './person-input.ts';
import { presentPerson } from './person.presenter.ts';

describe('readPerson', () => {
  it('maps the OSDI person fields to voter columns, taking the primary member of each array', () => {
    const c = readPerson({
      given_name: ' Ana ',
      family_name: 'Diaz',
      additional_name: 'M',
      gender: 'Female',
      party_identification: 'Democratic',
      email_addresses: [
        { address: 'old@example.com' },
        { address: 'Ana@Example.com', primary: true, status: 'unsubscribed' },
      ],
      phone_numbers: [{ number: 19876543210, primary: true, sms_capable: true }],
      postal_addresses: [
        {
          primary: true,
          address_lines: ['1 Main St', 'Apt 2'],
          locality: 'Raleigh',
          region: 'NC',
          postal_code: '27601',
          location: { latitude: 35.78, longitude: -78.64 },
        },
      ],
      birthdate: { year: 1990, month: 2, day: 28 },
      custom_fields: { shirt: 'M', hours: 3, gone: null },
      identifiers: ['caucus:5', 'action_network:x-1', 'action_network:x-1'],
      unknown: 'ignored',
    });
    expect(c.errors).toEqual([]);
    expect(Object.fromEntries(c.columns)).toEqual({
      first_name: 'Ana',
      last_name: 'Diaz',
      middle_name: 'M',
      gender: 'Female',
      party_affiliation: 'Democratic',
      email_address: 'ana@example.com',
      contact_email: false,
      phone_number: '+19876543210',
      contact_sms: true,
      street_address: '1 Main St, Apt 2',
      city: 'Raleigh',
      state: 'NC',
      zip_code: '27601',
      birth_year: 1990,
      date_of_birth: '1990-02-28',
      custom_fields: { shirt: 'M', hours: '3', gone: null },
    });
    expect(c).toMatchObject({ latitude: 35.78, longitude: -78.64, foreignIds: ['action_network:x-1'] });
  });

  it('leaves out what was not sent and clears what was sent as null', () => {
    expect(readPerson({ family_name: 'Ed' }).columns).toEqual(new Map([['last_name', 'Ed']]));
    const cleared = readPerson({
      phone_numbers: null,
      postal_addresses: null,
      custom_fields: null,
      additional_name: null,
    });
    expect(Object.fromEntries(cleared.columns)).toEqual({
      phone_number: null,
      street_address: null,
      city: null,
      state: null,
      zip_code: null,
      custom_fields: null,
      middle_name: null,
    });
  });

  it('collects OSDI error descriptions for bad values', () => {
    const c = readPerson({
      given_name: '',
      email_addresses: [{ address: 'not-an-email' }],
      phone_numbers: [{ number: '12' }],
      birthdate: { year: 1990, month: 2, day: 30 },
      identifiers: ['no colon'],
    });
    expect(c.errors.map((e) => e.error_code)).toEqual([
      'REQUIRED',
      'EMAIL_INVALID',
      'PHONE_INVALID',
      'BIRTHDATE_INVALID',
      'IDENTIFIER_INVALID',
    ]);
    expect(c.errors[1].properties).toEqual(['email_addresses[0].address']);
    expect(readPerson('x').errors[0].error_code).toBe('INVALID_PERSON');
  });

  it('reads OSDI phone numbers: digits with country code, numbers, and national formats', () => {
    expect(osdiPhone('19195550100')).toBe('+19195550100');
    expect(osdiPhone(19195550100)).toBe('+19195550100');
    expect(osdiPhone('(919) 555-0100')).toBe('+19195550100');
    expect(osdiPhone('442071838750')).toBe('+442071838750');
    expect(osdiPhone('12')).toBeNull();
  });
});

describe('presentPerson', () => {
  const base = osdiBase('http://localhost:3000');
  const row: any = {
    voter_id: 9,
    first_name: 'Ana',
    middle_name: null,
    last_name: 'Diaz',
    date_of_birth: null,
    birth_year: 1990,
    gender: null,
    street_address: null,
    city: null,
    state: null,
    zip_code: '27601',
    phone_number: '+19195550100',
    email_address: 'ana@example.com',
    party_affiliation: null,
    custom_fields: { n: 3, o: { a: 1 } },
    employer: null,
    occupation: null,
    contact_email: null,
    contact_sms: false,
    latitude: null,
    longitude: null,
    created_at: '2026-01-02 03:04:05+00',
    updated_at: '2026-01-02 03:04:05+00',
  };

  it('presents the one email, phone and address, consent as status, ISO dates and string custom fields', () => {
    const p = presentPerson(base, row, ['action_network:1']);
    expect(p).toMatchObject({
      identifiers: ['caucus:9', 'action_network:1'],
      created_date: '2026-01-02T03:04:05.000Z',
      email_addresses: [{ address: 'ana@example.com', primary: true, status: 'subscribed' }],
      phone_numbers: [{ number: '19195550100', primary: true, sms_capable: false }],
      postal_addresses: [{ postal_code: '27601', country: 'US', address_lines: [] }],
      birthdate: { year: 1990 },
      custom_fields: { n: '3', o: '{"a":1}' },
    });
    expect(p.additional_name).toBeUndefined();
    expect(presentPerson(base, { ...row, contact_email: false }).email_addresses).toEqual([
      expect.objectContaining({ status: 'unsubscribed' }),
    ]);
  });
});
