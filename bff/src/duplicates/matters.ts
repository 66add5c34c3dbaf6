/**
 * What a request is about, independent of where and how it is told. Two citizens describe one
 * broken lamp in different words (路灯坏了 / 路灯不亮), while two matters at one place share
 * the place's words (幸福小区3号楼…). Characters alone cannot tell these apart, so the matter
 * is recognised from a small lexicon of the everyday subjects of municipal requests (the kind
 * of keywords a 派发工单目录, 002 §20, holds). A text may name several matters or none.
 */
export const MATTER_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  'street-lamp': ['路灯', '街灯', '灯不亮', '黑灯', '灯杆', '照明'],
  'traffic-light': ['红绿灯', '信号灯', '交通灯'],
  'manhole': ['井盖', '窨井'],
  drainage: ['下水道', '排水', '积水', '污水井', '返水', '管道堵', '污水外溢'],
  'road-damage': ['路面', '坑洼', '坑坑洼洼', '塌陷', '破损', '地砖', '翘起'],
  noise: ['噪音', '噪声', '扰民', '太吵', '吵得', '音响', '喇叭', '广场舞', '打桩'],
  construction: ['施工', '工地', '渣土', '打桩'],
  dust: ['扬尘', '灰尘', '尘土', '渣土车'],
  heating: ['暖气', '供暖', '供热', '室温', '不热'],
  'street-vending': ['占道', '摆摊', '摊贩', '小贩', '流动摊', '地摊'],
  garbage: ['垃圾', '清运', '垃圾桶', '保洁', '环卫'],
  'air-pollution': ['废气', '刺鼻', '黑烟', '异味', '臭气'],
  'cooking-fumes': ['油烟', '排烟'],
  'water-outage': ['停水', '没水', '来水', '水压', '水小'],
  'power-outage': ['停电', '断电', '没电', '来电', '跳闸'],
  'water-leak': ['漏水', '爆管', '冒水', '水管'],
  'gas-leak': ['漏气', '燃气味', '煤气味', '泄漏'],
  'gas-service': ['燃气费', '燃气表', '燃气灶', '点不着'],
  elevator: ['电梯', '困人', '关人'],
  'fire-hazard': ['消防', '杂物', '楼道堆', '堆满', '通道堵'],
  parking: ['乱停', '停满', '占满', '违停', '停车难', '堵车'],
  'parking-fee': ['停车费'],
  'property-fee': ['物业费', '乱收费', '维修基金'],
  'bus-stop': ['站台', '公交站', '顶棚', '站牌'],
  'bus-service': ['甩站', '司机', '班次', '不停站', '拒载'],
  'tree': ['树倒', '刮倒', '倒伏', '倒在', '枯树', '断枝'],
  'tree-shade': ['采光', '修剪', '遮挡'],
  'food-safety': ['食品', '过期', '变质', '三无', '农药', '残留'],
  hygiene: ['卫生', '后厨', '老鼠', '苍蝇', '脏乱'],
  'weights-measures': ['缺斤', '短两', '少两', '称不准', '短斤'],
  'wages': ['欠薪', '拖欠', '工资'],
  'illegal-building': ['违建', '私搭乱建', '加盖', '违章建筑'],
  'begging': ['乞讨'],
};

/** The matters a text names (keywords matched as substrings of the normalised text). */
export function mattersOf(normalized: string): Set<string> {
  const found = new Set<string>();
  for (const [matter, words] of Object.entries(MATTER_KEYWORDS)) if (words.some((w) => normalized.includes(w))) found.add(matter);
  return found;
}
