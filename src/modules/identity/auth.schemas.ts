// Request and response schemas of /api/v1/auth. Every string is bounded; bodies refuse unknown fields.
import { Type } from '@fastify/type-provider-typebox';
import { UserSchema } from './user.presenter.ts';

const closed = { additionalProperties: false } as const;
const Secret = (maxLength: number) => Type.String({ minLength: 1, maxLength });
/** Passwords as typed; the policy (12..128 characters, ...) is checked by the service so it can list problems. */
const Password = Secret(1024);
const Token = Secret(200);
const Code = Type.String({ minLength: 1, maxLength: 32, description: 'A 6-digit TOTP code or a recovery code' });
const NullableText = (maxLength: number) => Type.Union([Type.String({ maxLength }), Type.Null()]);

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 320, description: 'A username, an email or a phone number' }),
    password: Password,
  },
  closed,
);

export const TokensOut = Type.Object({
  access_token: Type.String(),
  refresh_token: Type.String(),
  token_type: Type.Literal('bearer'),
  expires_in: Type.Integer({ description: 'Seconds the access token is valid' }),
});

export const ChallengeOut = Type.Object({
  two_factor_required: Type.Literal(true),
  challenge_token: Type.String(),
  methods: Type.Array(Type.String()),
});

export const LoginOut = Type.Union([TokensOut, ChallengeOut]);

export const TwoFactorVerifyBody = Type.Object({ challenge_token: Token, code: Code }, closed);

export const RequestOtpBody = Type.Object(
  { phone: Type.String({ minLength: 1, maxLength: 32, description: '+E.164, or national digits (US)' }) },
  closed,
);
export const OtpSentOut = Type.Object({ message: Type.String(), expires_in: Type.Integer() });

export const VerifyOtpBody = Type.Object(
  {
    phone: Type.String({ minLength: 1, maxLength: 32 }),
    otp: Type.String({ minLength: 1, maxLength: 16 }),
    full_name: Type.Optional(Type.String({ maxLength: 255 })),
  },
  closed,
);

export const RefreshBody = Type.Object({ refresh_token: Token }, closed);

export const SessionOut = Type.Object({
  id: Type.Integer(),
  device_info: Type.Union([Type.String(), Type.Null()]),
  ip_address: Type.Union([Type.String(), Type.Null()]),
  user_agent: Type.Union([Type.String(), Type.Null()]),
  login_method: Type.String(),
  last_activity: Type.String(),
  created_at: Type.String(),
  expires_at: Type.String(),
  current: Type.Boolean(),
});
export const SessionsOut = Type.Object({ sessions: Type.Array(SessionOut) });
export const SessionParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) }, closed);

export const MeOut = Type.Object({ user: UserSchema, permissions: Type.Array(Type.String()) });
export const UserOnlyOut = Type.Object({ user: UserSchema });

export const ProfilePatchBody = Type.Object(
  {
    first_name: Type.Optional(NullableText(100)),
    last_name: Type.Optional(NullableText(100)),
    full_name: Type.Optional(NullableText(255)),
    email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Literal(''), Type.Null()])),
    bio: Type.Optional(NullableText(2000)),
    avatar_url: Type.Optional(
      Type.Union([Type.String({ maxLength: 500, pattern: '^https?://[^\\s]+$' }), Type.Literal(''), Type.Null()]),
    ),
    preferred_language: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$', maxLength: 10 })),
    push_notifications: Type.Optional(Type.Boolean()),
    sms_notifications: Type.Optional(Type.Boolean()),
    email_notifications: Type.Optional(Type.Boolean()),
    primary_address: Type.Optional(NullableText(500)),
    primary_latitude: Type.Optional(Type.Union([Type.Number({ minimum: -90, maximum: 90 }), Type.Null()])),
    primary_longitude: Type.Optional(Type.Union([Type.Number({ minimum: -180, maximum: 180 }), Type.Null()])),
  },
  closed,
);

export const ChangePasswordBody = Type.Object({ current_password: Password, new_password: Password }, closed);
export const RequestResetBody = Type.Object({ email: Type.String({ format: 'email', maxLength: 254 }) }, closed);
export const ResetPasswordBody = Type.Object({ token: Token, new_password: Password }, closed);
export const TokenBody = Type.Object({ token: Token }, closed);
export const MessageOut = Type.Object({ message: Type.String() });

export const TwoFactorSetupOut = Type.Object({
  secret: Type.String({ description: 'Base32 TOTP secret, for typing into an authenticator app' }),
  otpauth_url: Type.String(),
  qr_svg: Type.String({ description: 'The otpauth URL as a QR code, an SVG document' }),
});
export const CodeBody = Type.Object({ code: Code }, closed);
export const DisableTwoFactorBody = Type.Object({ password: Password, code: Code }, closed);
export const PasswordBody = Type.Object({ password: Password }, closed);
export const RecoveryCodesOut = Type.Object({ recovery_codes: Type.Array(Type.String()) });

export const NoContent = { 204: Type.Null() };
