-- identity (auth): TOTP replay protection. A TOTP code is accepted once: the time step of the last accepted code
-- is kept, and a code of the same or an earlier step is refused (otplib afterTimeStep).
ALTER TABLE identity.users ADD COLUMN totp_last_step bigint CHECK (totp_last_step IS NULL OR totp_last_step >= 0);
