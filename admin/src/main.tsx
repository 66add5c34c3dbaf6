import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import { z } from 'zod';
import { App } from './app';
import './styles.css';

dayjs.locale('zh-cn');
// The shared schemas' built-in messages in Chinese (their own messages already are).
z.config(z.locales.zhCN());

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
