/**
 * Taro's components as plain DOM elements for jsdom, at the module boundary: the same props the
 * mini-program passes (className, onClick, onInput with `detail.value`, Switch's onChange).
 */
import type { ReactNode } from 'react';

type Common = { className?: string; children?: ReactNode; onClick?: () => void; role?: string; ariaLabel?: string; [aria: `aria-${string}`]: unknown; [data: `data-${string}`]: unknown };

function pass(props: Common): Record<string, unknown> {
  const { ariaLabel, children: _children, ...rest } = props;
  return { ...rest, 'aria-label': ariaLabel };
}

export const View = (p: Common) => <div {...pass(p)}>{p.children}</div>;
export const Text = (p: Common & { selectable?: boolean }) => {
  const { selectable: _s, ...rest } = p;
  return <span {...pass(rest)}>{p.children}</span>;
};
export const Button = (p: Common & { disabled?: boolean; loading?: boolean; onTouchStart?: () => void; onTouchEnd?: () => void; onTouchCancel?: () => void }) => {
  const { loading: _l, onTouchStart: _a, onTouchEnd: _b, onTouchCancel: _c, ...rest } = p;
  return (
    <button type='button' {...pass(rest)}>
      {p.children}
    </button>
  );
};

type InputEvent = { detail: { value: string } };
type FieldProps = Common & { value?: string; placeholder?: string; maxlength?: number; type?: string; confirmType?: string; onInput?: (e: InputEvent) => void; onConfirm?: () => void };

export const Input = (p: FieldProps) => {
  const { onInput, onConfirm: _c, confirmType: _t, maxlength, ...rest } = p;
  return <input {...pass(rest)} maxLength={maxlength} onChange={(e) => onInput?.({ detail: { value: e.target.value } })} />;
};
export const Textarea = (p: FieldProps) => {
  const { onInput, maxlength, ...rest } = p;
  return <textarea {...pass(rest)} maxLength={maxlength} onChange={(e) => onInput?.({ detail: { value: e.target.value } })} />;
};
export const Switch = (p: Common & { checked?: boolean; color?: string; nativeProps?: Record<string, unknown>; onChange?: (e: { detail: { value: boolean } }) => void }) => {
  const { onChange, color: _c, checked, nativeProps: _n, ...rest } = p;
  return <input type='checkbox' role='switch' {...pass(rest)} checked={Boolean(checked)} onChange={(e) => onChange?.({ detail: { value: e.target.checked } })} />;
};
export const Image = (p: Common & { src: string; mode?: string }) => {
  const { mode: _m, ...rest } = p;
  return <img alt={p.ariaLabel ?? ''} {...pass(rest)} />;
};
export const Video = (p: Common & { src: string; controls?: boolean; showCenterPlayBtn?: boolean; objectFit?: string }) => {
  const { showCenterPlayBtn: _s, objectFit: _o, ...rest } = p;
  return <video {...pass(rest)} />;
};
export const Progress = (p: { percent: number }) => <progress value={p.percent} max={100} />;
