import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import MatchPage from './pages/MatchPage.tsx';
import { ErrorBoundary } from './ui/ErrorBoundary.tsx';

// The table is the page that must load fast; the others come in their own chunks.
const HomePage = lazy(() => import('./pages/HomePage.tsx'));
const JoinPage = lazy(() => import('./pages/JoinPage.tsx'));
const ReplayPage = lazy(() => import('./pages/ReplayPage.tsx'));
const ProfilePage = lazy(() => import('./social/ProfilePage.tsx'));
const LeaderboardPage = lazy(() => import('./social/LeaderboardPage.tsx'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.tsx'));
const TcgMatchPage = lazy(() => import('./tcg/TcgMatchPage.tsx'));

export function App() {
  return (
    <BrowserRouter>
      <ErrorBoundary>
        <Suspense fallback={<p className="notice">Loading…</p>}>
          <Routes>
            <Route path="/" element={<HomePage />} />
            <Route path="/match/:matchId" element={<MatchPage />} />
            <Route path="/tcg/:matchId" element={<TcgMatchPage />} />
            <Route path="/join/:code" element={<JoinPage />} />
            <Route path="/replay" element={<ReplayPage />} />
            <Route path="/replay/:matchId" element={<ReplayPage />} />
            <Route path="/me" element={<ProfilePage />} />
            <Route path="/players/:userId" element={<ProfilePage />} />
            <Route path="/leaderboards" element={<LeaderboardPage />} />
            <Route path="/leaderboards/:game/:version" element={<LeaderboardPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </ErrorBoundary>
    </BrowserRouter>
  );
}
