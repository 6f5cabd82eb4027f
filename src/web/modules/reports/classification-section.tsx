// A report's classification: the category the rules suggested, the staff override (manual category and severity,
// notes) and who made it; classifiers may override it while the report is open.
import { useAuth } from '../../auth/auth-context.tsx';
import { Button } from '../../ui/button.tsx';
import { Section } from '../../ui/page.tsx';
import { label, type Report } from './reports-types.ts';

const terminal = ['closed', 'rejected', 'duplicate'];

export function ClassificationSection({ report, onOverride }: { report: Report; onOverride(): void }) {
  const auth = useAuth();
  const may = auth.can('reports:classify') && !terminal.includes(report.status);
  return (
    <Section title="Classification" actions={may && <Button onClick={onOverride}>Override the classification</Button>}>
      <dl className="facts">
        <dt>Category</dt>
        <dd>{label(report.category)}</dd>
        <dt>Rules suggested</dt>
        <dd>
          {report.ai_category
            ? `${label(report.ai_category)} (${Math.round((report.ai_confidence ?? 0) * 100)}% confidence)`
            : 'No suggestion'}
        </dd>
        <dt>Manual category</dt>
        <dd>{label(report.manual_category)}</dd>
        <dt>Manual severity</dt>
        <dd>{label(report.manual_severity)}</dd>
        <dt>Classification notes</dt>
        <dd className="prewrap">{report.classification_notes ?? '—'}</dd>
        <dt>Classified by</dt>
        <dd>{report.classified_by_user_id ? `User ${report.classified_by_user_id}` : '—'}</dd>
      </dl>
    </Section>
  );
}
