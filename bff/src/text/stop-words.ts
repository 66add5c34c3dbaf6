/**
 * Words that carry no meaning for matching a citizen's question to an answer: particles,
 * pronouns and the question frame (怎么、什么时候、找谁). Kept small on purpose: BM25's IDF
 * already discounts common words; this list only removes what would match everything.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  '的', '了', '吗', '呢', '啊', '吧', '呀', '么', '嘛', '哦', '着', '过', '是', '在', '有', '和', '与', '及', '或', '也', '都', '就',
  '还', '又', '很', '太', '被', '把', '给', '让', '向', '从', '对', '于', '而', '但', '并', '则', '即', '之', '其', '这', '那', '此',
  '我', '你', '您', '他', '她', '它', '我们', '你们', '他们', '咱们', '自己', '大家', '谁', '哪', '哪里', '哪儿', '哪个', '哪些',
  '什么', '怎么', '怎样', '怎么样', '如何', '为什么', '为何', '什么时候', '多少', '几', '请问', '想问', '问', '一下', '一个',
  '可以', '能', '能否', '能不能', '可不可以', '会', '要', '想', '应该', '需不需要', '找', '去', '到', '个', '些', '等', '啦',
  '这个', '那个', '这里', '那里', '这样', '那样', '已经', '现在', '还是', '因为', '所以', '如果', '然后', '就是',
  'the', 'a', 'an', 'of', 'to', 'and', 'or', 'is',
]);

export const isStopWord = (word: string): boolean => STOP_WORDS.has(word);
