// "Confirm this issue" for signed-in contributors on the public map's list: one confirmation per person and
// report (POST /api/v1/reports/:id/validate); the API's message says why when it refuses (own report, closed…).
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { ApiError } from '../../../api/api-error.ts';
import { Button } from '../../../ui/button.tsx';

export function ConfirmIssueButton({ reportId, title }: { reportId: number; title: string }) {
  const [state, setState] = useState<{ busy: boolean; message: string | null }>({ busy: false, message: null });
  const confirm = async () => {
    setState({ busy: true, message: null });
    try {
      const result = await api.post<{ validations: number }>(`/api/v1/reports/${reportId}/validate`, {});
      setState({ busy: false, message: `Confirmed (${result.validations} so far)` });
    } catch (err) {
      const message =
        err instanceof ApiError && err.code === 'already_validated'
          ? 'You confirmed this issue'
          : err instanceof ApiError
            ? err.detail
            : (err as Error).message;
      setState({ busy: false, message });
    }
  };
  if (state.message) return <span role="status">{state.message}</span>;
  return (
    <Button busy={state.busy} onClick={confirm} aria-label={`Confirm this issue: ${title}`}>
      Confirm this issue
    </Button>
  );
}
