// The application frame: title bar with language switch, navigation between screens, and the active screen.
import { useUiStore, SCREENS } from '../store/ui-store.ts';
import { useAppMessages } from './messages.ts';
import { SCREEN_COMPONENTS } from './screens.ts';
import { LANGUAGES } from '../i18n/i18n.ts';

/** The whole workbench UI. */
export function App() {
  const m = useAppMessages();
  const screen = useUiStore((s) => s.screen);
  const setScreen = useUiStore((s) => s.setScreen);
  const language = useUiStore((s) => s.language);
  const setLanguage = useUiStore((s) => s.setLanguage);
  const Screen = SCREEN_COMPONENTS[screen];

  return (
    <div className="app">
      <header className="app-header">
        <div className="app-title">
          <h1>{m.title}</h1>
          <span className="app-subtitle">{m.subtitle}</span>
        </div>
        <div className="language-switch" role="group" aria-label={m.language}>
          {LANGUAGES.map((code) => (
            <button
              key={code}
              type="button"
              className={code === language ? 'active' : ''}
              aria-pressed={code === language}
              data-testid={`lang-${code}`}
              onClick={() => setLanguage(code)}
            >
              {code === 'zh' ? '中文' : 'English'}
            </button>
          ))}
        </div>
      </header>
      <nav className="app-nav" aria-label={m.navLabel}>
        {SCREENS.map((id) => (
          <button
            key={id}
            type="button"
            className={id === screen ? 'active' : ''}
            aria-current={id === screen ? 'page' : undefined}
            data-testid={`nav-${id}`}
            onClick={() => setScreen(id)}
          >
            {m[id]}
          </button>
        ))}
      </nav>
      <main className="app-main" data-screen={screen}>
        <Screen />
      </main>
    </div>
  );
}
