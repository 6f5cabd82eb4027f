// One import: its live progress, counts and the rejected rows to download.
import { useParams } from 'react-router-dom';
import { Page } from '../../../ui/page.tsx';
import { ImportProgress } from './import-progress.tsx';

export function ImportDetailPage() {
  const id = Number(useParams().id);
  return (
    <Page title={`Import ${id}`}>
      <ImportProgress importId={id} />
    </Page>
  );
}
