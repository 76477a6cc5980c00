import { Route, Routes } from 'react-router';
import { MyGames } from './MyGames.tsx';
import { Workspace } from './Workspace.tsx';
import '../tcg/tcg.css';
import './studio.css';

/** The creator studio (`/studio`): its own chunk, never loaded by the play page. */
export default function StudioPage() {
  return (
    <div className="studio">
      <Routes>
        <Route index element={<MyGames />} />
        <Route path=":slug/*" element={<Workspace />} />
      </Routes>
    </div>
  );
}
