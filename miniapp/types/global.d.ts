/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5';
    /** API origin; empty on h5 = same origin (the BFF serves the h5 build). */
    TARO_APP_API_BASE: string;
    /** Comma-separated subscribe-message template ids (weapp). */
    TARO_APP_SUBSCRIBE_TEMPLATES?: string;
  }
}
