// /voters/segments/new and /voters/segments/:id: build a segment from conditions and groups, watch the live
// count (POST /api/v1/segments/preview), save it, export it.
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { TextField } from '../../ui/form-field.tsx';
import { formatNumber } from '../../ui/format.ts';
import { Page, Section } from '../../ui/page.tsx';
import { useToast } from '../../ui/toast.tsx';
import { useAction } from '../../ui/use-query.ts';
import { SegmentGroup } from './segment-group.tsx';
import { type EditNode, emptyTree, fromDefinition, toDefinition } from './segment-tree.ts';
import type { Segment, Voter } from './voter-types.ts';
import { fullName } from './voter-types.ts';

export function SegmentBuilderPage() {
  const params = useParams();
  const id = params.id ? Number(params.id) : null;
  const auth = useAuth();
  const toast = useToast();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [tree, setTree] = useState<EditNode>(emptyTree);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [preview, setPreview] = useState<{ count: number; voters: Voter[] } | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const definition = useMemo(() => {
    const d = toDefinition(tree);
    // An empty group means "everyone": a condition that every voter meets.
    return tree.kind === 'group' && tree.children.length === 0
      ? { type: 'field', field: 'voter_id', op: 'is_not_null' }
      : d;
  }, [tree]);
  const json = JSON.stringify(definition);

  useEffect(() => {
    if (id === null) return;
    api
      .get<{ segment: Segment }>(`/api/v1/segments/${id}`)
      .then(({ segment }) => {
        setName(segment.name);
        const loaded = fromDefinition(segment.definition);
        setTree(
          loaded.kind === 'group' ? loaded : { kind: 'group', key: 0, op: 'and', negate: false, children: [loaded] },
        );
      })
      .catch(setLoadError);
  }, [id]);

  // The live count, half a second after the last change.
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api
        .post<{ count: number; voters: Voter[] }>(
          '/api/v1/segments/preview',
          { definition: JSON.parse(json), per_page: 10 },
          { signal: controller.signal },
        )
        .then((r) => {
          setPreview(r);
          setPreviewError(null);
        })
        .catch((err) => {
          if (!controller.signal.aborted) setPreviewError(err);
        });
    }, 500);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [json]);

  const save = useAction(() =>
    id === null
      ? api.post<{ segment: Segment }>('/api/v1/segments', { name: name.trim(), definition })
      : api.put<{ segment: Segment }>(`/api/v1/segments/${id}`, { name: name.trim(), definition }),
  );
  const exportCsv = useAction(async () => {
    const { blob, filename } = await api.download(`/api/v1/segments/${id}/export.csv`);
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = filename;
    a.click();
    URL.revokeObjectURL(a.href);
    return true;
  });

  return (
    <Page
      title={id === null ? 'New segment' : `Segment: ${name}`}
      actions={
        id !== null &&
        auth.can('voters:export') && (
          <Button onClick={() => exportCsv.run()} busy={exportCsv.busy}>
            Export CSV
          </Button>
        )
      }
    >
      {loadError ? <ErrorAlert error={loadError} /> : null}
      {exportCsv.error ? <ErrorAlert error={exportCsv.error} /> : null}
      <p aria-live="polite" className="page-intro">
        {preview ? (
          <strong>
            {formatNumber(preview.count)} {preview.count === 1 ? 'voter matches' : 'voters match'}
          </strong>
        ) : (
          'Counting…'
        )}
      </p>
      {previewError ? <ErrorAlert error={previewError} title="This definition is not valid yet" /> : null}
      {tree.kind === 'group' && <SegmentGroup node={tree} onChange={setTree} />}
      {auth.can('segments:write') && (
        <form
          className="row"
          onSubmit={async (e) => {
            e.preventDefault();
            const saved = await save.run();
            if (saved) {
              toast.show('Segment saved');
              if (id === null) navigate(`/voters/segments/${saved.segment.segment_id}`);
            }
          }}
        >
          <TextField
            label="Segment name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={255}
          />
          <Button type="submit" variant="primary" busy={save.busy}>
            Save segment
          </Button>
        </form>
      )}
      {save.error ? <ErrorAlert error={save.error} /> : null}
      <Section title="First matches">
        <ul className="link-list">
          {(preview?.voters ?? []).map((v) => (
            <li key={v.voter_id}>
              <Link to={`/voters/${v.voter_id}`}>{fullName(v)}</Link>{' '}
              <span className="muted">{[v.city, v.zip_code].filter(Boolean).join(', ')}</span>
            </li>
          ))}
        </ul>
      </Section>
    </Page>
  );
}
