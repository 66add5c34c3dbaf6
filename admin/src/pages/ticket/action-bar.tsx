import { useState } from 'react';
import { App, Button, Typography } from 'antd';
import type { TicketAction } from '@mashang/shared';
import { api, unwrap } from '../../api/client';
import type { StaffTicket } from '../../api/types';
import { actionVerb, SECONDARY_ACTIONS } from '../../labels';
import { ActionDialog } from './action-dialog';
import { ACTION_FIELDS } from './action-fields';

/** Actions the citizen takes in the mini-program: never offered here even if listed. */
const CITIZEN_ONLY: readonly string[] = ['submit', 'supplement', 'withdraw', 'rate'];

async function initialValues(t: StaffTicket, action: TicketAction): Promise<Record<string, unknown>> {
  if (action === 'dispatch') {
    const s = await unwrap(api.GET('/api/admin/v1/tickets/{no}/dispatch-suggestion', { params: { path: { no: t.no } } })).catch(() => null);
    if (!s) return {};
    return { leadUnit: s.suggestion.leadUnit ?? undefined, coUnits: s.suggestion.coUnits, category: s.suggestion.category ?? undefined };
  }
  if (action === 'review' || action === 'decide-return' || action === 'decide-extension') return { approve: true };
  if (action === 'visit') return { answered: true };
  return {};
}

/** The buttons of what the API's `allowedActions` says this staff member may do now, each with its form. */
export function ActionBar({ ticket, onChanged, onReload }: { ticket: StaffTicket; onChanged(): void; onReload(): Promise<void> }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState<TicketAction | null>(null);
  const [initial, setInitial] = useState<Record<string, unknown>>({});
  const actions = (ticket.allowedActions as TicketAction[]).filter((a) => !CITIZEN_ONLY.includes(a) && ACTION_FIELDS[a]);
  const ordered = [...actions.filter((a) => !SECONDARY_ACTIONS.includes(a)), ...actions.filter((a) => SECONDARY_ACTIONS.includes(a))];

  async function start(action: TicketAction) {
    setInitial(await initialValues(ticket, action));
    setOpen(action);
  }

  if (!ordered.length) return <Typography.Text type="secondary">当前没有您可办理的操作。</Typography.Text>;
  return (
    <>
      <div className="action-bar">
        {ordered.map((a, i) => (
          <Button key={a} type={i === 0 ? 'primary' : 'default'} danger={a === 'reject' || a === 'terminate'} size="large" data-action={a} onClick={() => void start(a)}>
            {actionVerb(a)}
          </Button>
        ))}
      </div>
      <ActionDialog
        ticket={ticket}
        action={open}
        initial={initial}
        onClose={() => setOpen(null)}
        onReload={onReload}
        onDone={() => {
          message.success(`已${actionVerb(open as TicketAction)}`);
          setOpen(null);
          onChanged();
        }}
      />
    </>
  );
}
