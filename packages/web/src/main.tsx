import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { followThemeSetting } from './theme/follow-theme.ts';
import './styles.css';

// index.html's head applied the stored theme before the first paint; from here it follows changes.
followThemeSetting();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
