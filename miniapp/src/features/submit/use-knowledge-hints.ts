import { useEffect, useState } from 'react';
import { suggestKnowledge } from '../../services/api';
import type { KnowledgeItem } from '../../services/types';

/** Matching knowledge answers while a consultation is typed (000 §10 即时答复): quiet on failure, it is only help. */
export function useKnowledgeHints(text: string, enabled: boolean): KnowledgeItem[] {
  const [items, setItems] = useState<KnowledgeItem[]>([]);
  const query = text.trim().slice(0, 50);
  useEffect(() => {
    if (!enabled || query.length < 2) {
      setItems([]);
      return undefined;
    }
    let alive = true;
    const timer = setTimeout(() => {
      suggestKnowledge(query)
        .then((page) => alive && setItems(page.items.slice(0, 3)))
        .catch(() => alive && setItems([]));
    }, 600);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [query, enabled]);
  return items;
}
