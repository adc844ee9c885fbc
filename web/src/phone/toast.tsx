import { useEffect, useState } from 'react';

type Tone = 'success' | 'error' | 'warning';
interface Toast {
  id: number;
  tone: Tone;
  text: string;
}

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<(list: Toast[]) => void>();

function publish(list: Toast[]) {
  toasts = list;
  for (const listener of listeners) listener(list);
}

/** Shows a short message at the top of the phone shell (3 s; errors 5 s). */
export function toast(tone: Tone, text: string): void {
  const id = nextId++;
  publish([...toasts, { id, tone, text }]);
  setTimeout(() => publish(toasts.filter((t) => t.id !== id)), tone === 'error' ? 5000 : 3000);
}

/** Where toasts appear; the phone shell mounts one. Errors are announced as alerts, the rest politely. */
export function Toasts() {
  const [list, setList] = useState(toasts);
  useEffect(() => {
    listeners.add(setList);
    return () => {
      listeners.delete(setList);
    };
  }, []);
  return (
    <div className="pg-toasts" aria-live="polite">
      {list.map((t) => (
        <div key={t.id} className={`pg-toast pg-toast-${t.tone}`} role={t.tone === 'error' ? 'alert' : 'status'} data-testid={`toast-${t.tone}`}>
          {t.text}
        </div>
      ))}
    </div>
  );
}
