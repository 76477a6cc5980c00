import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AccountBar } from './account/AccountBar.tsx';
import MatchPage from './pages/MatchPage.tsx';
import { ErrorBoundary } from './ui/ErrorBoundary.tsx';

// The table is the page that must load fast; the others come in their own chunks.
const HomePage = lazy(() => import('./pages/HomePage.tsx'));
const JoinPage = lazy(() => import('./pages/JoinPage.tsx'));
const ReplayPage = lazy(() => import('./pages/ReplayPage.tsx'));
const ProfilePage = lazy(() => import('./social/ProfilePage.tsx'));
const LeaderboardPage = lazy(() => import('./social/LeaderboardPage.tsx'));
const TablesPage = lazy(() => import('./tables/TablesPage.tsx'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.tsx'));
const TcgMatchPage = lazy(() => import('./tcg/TcgMatchPage.tsx'));
const SignUpPage = lazy(() => import('./pages/SignUpPage.tsx'));
const LoginPage = lazy(() => import('./pages/LoginPage.tsx'));
const ForgotPasswordPage = lazy(() => import('./pages/ForgotPasswordPage.tsx'));
const ResetPasswordPage = lazy(() => import('./pages/ResetPasswordPage.tsx'));
const VerifyEmailPage = lazy(() => import('./pages/VerifyEmailPage.tsx'));
const AccountPage = lazy(() => import('./pages/AccountPage.tsx'));
const ProviderCompletePage = lazy(() => import('./pages/ProviderCompletePage.tsx'));
const StudioPage = lazy(() => import('./studio/StudioPage.tsx'));
const ModerationPage = lazy(() => import('./pages/ModerationPage.tsx'));

export function App() {
  return (
    <BrowserRouter>
      <ErrorBoundary>
        <AccountBar />
        <Suspense fallback={<p className="notice">Loading…</p>}>
          <Routes>
            <Route path="/" element={<HomePage />} />
            <Route path="/match/:matchId" element={<MatchPage />} />
            <Route path="/tcg/:matchId" element={<TcgMatchPage />} />
            <Route path="/join/:code" element={<JoinPage />} />
            <Route path="/replay" element={<ReplayPage />} />
            <Route path="/replay/:matchId" element={<ReplayPage />} />
            <Route path="/signup" element={<SignUpPage />} />
            <Route path="/login" element={<LoginPage />} />
            <Route path="/forgot-password" element={<ForgotPasswordPage />} />
            <Route path="/reset-password" element={<ResetPasswordPage />} />
            <Route path="/verify-email" element={<VerifyEmailPage />} />
            <Route path="/account" element={<AccountPage />} />
            <Route path="/auth/complete" element={<ProviderCompletePage />} />
            <Route path="/studio/*" element={<StudioPage />} />
            <Route path="/me" element={<ProfilePage />} />
            <Route path="/players/:userId" element={<ProfilePage />} />
            <Route path="/moderation" element={<ModerationPage />} />
            <Route path="/leaderboards" element={<LeaderboardPage />} />
            <Route path="/tables" element={<TablesPage />} />
            <Route path="/tables/:game" element={<TablesPage />} />
            <Route path="/leaderboards/:game/:version" element={<LeaderboardPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </ErrorBoundary>
    </BrowserRouter>
  );
}
