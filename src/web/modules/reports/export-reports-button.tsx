// "Export CSV" on the staff queue: the queue's current filters (not its page) as a CSV download.
import { api } from '../../api/client.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { useAction } from '../../ui/use-query.ts';

const filterKeys = ['status', 'severity', 'category', 'department_id', 'area_id', 'overdue', 'q'] as const;

export function ExportReportsButton({ filters }: { filters: Partial<Record<string, string>> }) {
  const auth = useAuth();
  const exportCsv = useAction(async () => {
    const query: Record<string, string> = {};
    for (const key of filterKeys) if (filters[key]) query[key] = filters[key];
    const { blob, filename } = await api.download('/api/v1/reports/export', { query });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = filename;
    a.click();
    URL.revokeObjectURL(a.href);
    return true;
  });
  if (!auth.can('reports:export')) return null;
  return (
    <>
      <Button onClick={() => exportCsv.run()} busy={exportCsv.busy}>
        Export CSV
      </Button>
      {exportCsv.error ? <ErrorAlert error={exportCsv.error} title="The export failed" /> : null}
    </>
  );
}
