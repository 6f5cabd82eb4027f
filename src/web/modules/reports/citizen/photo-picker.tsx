// Photos of the issue: chosen from the device (or taken with the camera on a phone), previewed, removable.
// They are sent after the report exists (or kept with it in the offline queue).
import { type ChangeEvent, useEffect, useMemo, useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { FormField } from '../../../ui/form-field.tsx';

export const maxPhotos = 5;
const maxBytes = 10 * 1024 * 1024;
const accepted = ['image/jpeg', 'image/png', 'image/webp'];
const fileKey = (f: File) => `${f.name}|${f.size}|${f.lastModified}`;

function Preview({ file, onRemove }: { file: File; onRemove(): void }) {
  const url = useMemo(() => URL.createObjectURL(file), [file]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <li className="photo-preview">
      <img src={url} alt={`Preview of ${file.name}`} />
      <span className="photo-name">{file.name}</span>
      <Button variant="link" onClick={onRemove} aria-label={`Remove ${file.name}`}>
        Remove
      </Button>
    </li>
  );
}

export function PhotoPicker({ photos, onChange }: { photos: File[]; onChange(files: File[]): void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [inputKey, setInputKey] = useState(0);

  const add = (event: ChangeEvent<HTMLInputElement>) => {
    // The same photo chosen twice is added once.
    const have = new Set(photos.map(fileKey));
    const chosen = Array.from(event.currentTarget.files ?? []).filter((f) => !have.has(fileKey(f)));
    const refused = chosen.filter((f) => !accepted.includes(f.type) || f.size > maxBytes);
    const fit = chosen.filter((f) => !refused.includes(f)).slice(0, Math.max(0, maxPhotos - photos.length));
    const messages = [
      ...refused.map((f) => `${f.name} is not a JPEG, PNG or WebP photo of at most 10 MB.`),
      ...(fit.length < chosen.length - refused.length ? [`At most ${maxPhotos} photos per report.`] : []),
    ];
    setProblem(messages.length > 0 ? messages.join(' ') : null);
    onChange([...photos, ...fit]);
    setInputKey((k) => k + 1); // choosing the same file again still fires a change
  };

  return (
    <div className="photo-picker">
      <FormField
        label="Photos"
        hint={`Up to ${maxPhotos} photos (JPEG, PNG or WebP, 10 MB each). Location data inside photos is removed.`}
        error={problem}
      >
        <input
          key={inputKey}
          type="file"
          accept={accepted.join(',')}
          multiple
          onChange={add}
          disabled={photos.length >= maxPhotos}
        />
      </FormField>
      {photos.length > 0 && (
        <ul className="photo-list" aria-label="Chosen photos">
          {photos.map((file, i) => (
            <Preview key={fileKey(file)} file={file} onRemove={() => onChange(photos.filter((_, j) => j !== i))} />
          ))}
        </ul>
      )}
    </div>
  );
}
