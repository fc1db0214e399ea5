// Entry point of the renderer: mounts the workbench in the browser build and inside Electron alike.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import './app/app.css';
import { WorkbenchNotices } from './features/data/WorkbenchNotices.tsx';
import { startWorkbench } from './services/bootstrap.ts';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
    <WorkbenchNotices />
  </StrictMode>,
);
void startWorkbench();
