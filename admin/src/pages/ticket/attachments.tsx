import { useEffect, useState } from 'react';
import { Image, Typography } from 'antd';
import type { Attachment } from '../../api/types';
import { mediaUrl } from './media';

function useMediaUrl(key: string): string | null | undefined {
  const [url, setUrl] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void mediaUrl(key).then((u) => live && setUrl(u));
    return () => {
      live = false;
    };
  }, [key]);
  return url;
}

function One({ a, alt }: { a: Attachment; alt: string }) {
  const url = useMediaUrl(a.key);
  if (url === undefined) return <Typography.Text type="secondary">加载中…</Typography.Text>;
  if (url === null) return <Typography.Text type="danger">文件无法读取</Typography.Text>;
  if (a.kind === 'image') return <Image width={120} height={120} style={{ objectFit: 'cover' }} src={url} alt={alt} />;
  if (a.kind === 'video') return <video controls preload="metadata" src={url} aria-label="诉求视频" />;
  return <audio controls preload="metadata" src={url} aria-label="语音" />;
}

/** Photos in a viewer (tap to enlarge), voice and video in the browser's players. */
export function Attachments({ items, alt = '诉求照片' }: { items: Attachment[]; alt?: string }) {
  if (!items.length) return <Typography.Text type="secondary">无附件</Typography.Text>;
  return (
    <Image.PreviewGroup>
      <div className="attachments">
        {items.map((a) => (
          <One key={a.key} a={a} alt={alt} />
        ))}
      </div>
    </Image.PreviewGroup>
  );
}
