import type { PropsWithChildren } from 'react';
import './app.css';
import { watchPrivacyPrompts } from './features/privacy/consent';

// WeChat's privacy prompts (onNeedPrivacyAuthorization) are answered by the app's own dialog.
watchPrivacyPrompts();

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
