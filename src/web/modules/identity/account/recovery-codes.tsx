// The 10 recovery codes, shown once: copy them or download them as a text file.
import { useState } from 'react';
import { Alert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';

export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone(): void }) {
  const [copied, setCopied] = useState(false);
  const text = `Caucus recovery codes (each works once)\n\n${codes.join('\n')}\n`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'caucus-recovery-codes.txt';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <div className="stack">
      <Alert kind="warning" title="Save your recovery codes now">
        <p>
          If you lose your phone, each of these codes lets you sign in once. They are shown only this time; keep them
          somewhere safe, away from your phone.
        </p>
      </Alert>
      <ul className="recovery-codes" aria-label="Recovery codes">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <div className="row">
        <Button onClick={copy}>{copied ? 'Copied' : 'Copy codes'}</Button>
        <Button onClick={download}>Download as text</Button>
        <Button variant="primary" onClick={onDone}>
          I have saved them
        </Button>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {copied ? 'The codes are on the clipboard.' : ''}
      </p>
    </div>
  );
}
