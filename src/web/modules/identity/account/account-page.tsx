// /account: my profile, password, two-factor authentication and sessions.
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { Page } from '../../../ui/page.tsx';
import { ChangePasswordForm } from './change-password-form.tsx';
import { MyReportStats } from './my-report-stats.tsx';
import { MySessions } from './my-sessions.tsx';
import { ProfileForm } from './profile-form.tsx';
import { SignInDetails } from './sign-in-details.tsx';
import { TwoFactorSection } from './two-factor-section.tsx';

export function AccountPage() {
  const location = useLocation();
  // Changing the password ends the other sessions: the list is read again.
  const [sessionsGeneration, setSessionsGeneration] = useState(0);

  useEffect(() => {
    if (!location.hash) return;
    const el = document.getElementById(location.hash.slice(1));
    if (el) requestAnimationFrame(() => el.scrollIntoView());
  }, [location.hash]);

  return (
    <Page title="My account">
      <SignInDetails />
      <ProfileForm />
      <MyReportStats />
      <ChangePasswordForm onChanged={() => setSessionsGeneration((g) => g + 1)} />
      <TwoFactorSection />
      <MySessions generation={sessionsGeneration} />
    </Page>
  );
}
