import { FieldError } from '../../components/field-error';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { CONTENT_LIMITS } from '@mashang/shared';
import { useCallback, useState } from 'react';
import { MediaField } from '../../components/media-field';
import type { FormAttachment } from '../submit/form';
import { useMediaUploads } from '../submit/use-media-uploads';

interface Props {
  request?: string;
  onSend: (body: { content?: string; attachments?: string[] }) => Promise<void>;
}

/** 补正 (002 §18): what the platform asked for, and the citizen's text and media in reply. */
export function SupplementForm({ request, onSend }: Props) {
  const [content, setContent] = useState('');
  const [attachments, setAttachments] = useState<FormAttachment[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const update = useCallback((fn: (l: FormAttachment[]) => FormAttachment[]) => setAttachments(fn), []);
  const media = useMediaUploads(attachments, update);

  const send = async () => {
    const text = content.trim();
    if (attachments.some((a) => a.state !== 'done')) return setError('请等文件上传完成，上传失败的请删除');
    if (!text && attachments.length === 0) return setError('请写补充的内容，或添加照片、视频');
    setBusy(true);
    setError(undefined);
    try {
      await onSend({ content: text || undefined, attachments: attachments.map((a) => a.key as string) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='supplement-form'>
      <Text className='section__title'>请补充材料</Text>
      {request && <Text className='banner__line'>工作人员说：{request}</Text>}
      <Textarea className='textarea' value={content} maxlength={CONTENT_LIMITS.max} placeholder='请写下补充的情况' onInput={(e) => setContent(e.detail.value)} ariaLabel='补充内容' />
      <MediaField attachments={attachments} onAdd={media.addMedia} onRemove={media.removeAttachment} controls={{ onCancel: media.cancelUpload, onRetry: media.retryUpload }} />
      <FieldError text={error} />
      <Button className={`btn btn--primary btn--big ${busy ? 'btn--busy' : ''}`} loading={busy} disabled={busy || undefined} onClick={() => void send()}>
        提交补充材料
      </Button>
    </View>
  );
}
