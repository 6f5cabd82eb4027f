/// <reference types="vite/client" />
// The browser entry: router, account and toasts around the app; in production builds, the service worker that
// keeps the app shell on the device so it opens offline (service-worker.js).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './app.tsx';
import { AuthProvider } from './auth/auth-context.tsx';
import { ToastProvider } from './ui/toast.tsx';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <AuthProvider>
        <ToastProvider>
          <App />
        </ToastProvider>
      </AuthProvider>
    </BrowserRouter>
  </StrictMode>,
);

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register('/sw.js')
      .catch((error: unknown) => console.warn('The app will not open offline: no service worker.', error));
  });
}
