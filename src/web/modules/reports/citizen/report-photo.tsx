// A report's photo, fetched with the signed-in user's token (a private report's files are not public, and an
// <img src> carries no token), shown from a local object URL.
import { useEffect, useState } from 'react';
import { api } from '../../../api/client.ts';

export function ReportPhoto({ reportId, mediaId, alt }: { reportId: number; mediaId: number; alt: string }) {
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let objectUrl: string | null = null;
    let cancelled = false;
    api.download(`/api/v1/reports/${reportId}/media/${mediaId}/file`).then(
      ({ blob }) => {
        if (cancelled) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      },
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [reportId, mediaId]);
  if (failed) return <p className="muted">This photo could not be loaded.</p>;
  if (!url) return <div className="photo-placeholder" aria-hidden="true" />;
  return <img className="report-photo" src={url} alt={alt} />;
}
