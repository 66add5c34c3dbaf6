/**
 * The default dispatch catalogue for the demo city: 大类-中类-小类 in the spirit of GB/T 39666
 * (政务服务便民热线 — classification of requests), each leaf mapped to the unit role that
 * usually handles it in a Chinese city, with region-specific rows where a street office
 * handles the matter on its own territory.
 */
import type { DemoUnitRole } from './demo-units';

export interface DefaultCategory {
  code: string;
  name: string;
  keywords?: string[];
  lead?: DemoUnitRole;
  coUnits?: DemoUnitRole[];
  regional?: Array<{ region: DemoUnitRole; lead: DemoUnitRole; coUnits?: DemoUnitRole[] }>;
}

export const DEFAULT_CATALOG: readonly DefaultCategory[] = [
  { code: '01', name: '城乡建设' },
  { code: '0101', name: '市容环境' },
  { code: '010101', name: '路灯照明', keywords: ['路灯', '灯不亮', '照明', '灯杆', '黑灯'], lead: 'cityManagement' },
  { code: '010102', name: '占道经营', keywords: ['摆摊', '占道', '流动摊贩', '小贩', '店外经营', '占用人行道'], lead: 'cityManagement', regional: [{ region: 'renminluStreet', lead: 'renminluStreet', coUnits: ['cityManagement'] }] },
  { code: '010103', name: '垃圾清运', keywords: ['垃圾', '清运', '垃圾桶', '环卫', '保洁', '堆放'], lead: 'cityManagement', regional: [{ region: 'baiyinDistrict', lead: 'baiyinDistrict', coUnits: ['cityManagement'] }] },
  { code: '010104', name: '违章建筑', keywords: ['违建', '私搭乱建', '加盖', '违章建筑', '搭建'], lead: 'cityManagement' },
  { code: '0102', name: '市政设施' },
  { code: '010201', name: '道路破损', keywords: ['坑洼', '道路破损', '路面', '人行道', '坑', '塌陷'], lead: 'cityManagement' },
  { code: '010202', name: '井盖', keywords: ['井盖', '窨井'], lead: 'cityManagement' },
  { code: '010203', name: '排水管网', keywords: ['下水道', '堵塞', '积水', '污水井', '排水', '返水'], lead: 'cityManagement' },
  { code: '0103', name: '物业与供热' },
  { code: '010301', name: '物业服务', keywords: ['物业', '电梯', '小区管理', '物业费'], lead: 'housing' },
  { code: '010302', name: '供暖', keywords: ['暖气', '供暖', '供热', '不热', '室温'], lead: 'housing' },
  { code: '02', name: '生态环境' },
  { code: '0201', name: '噪声污染' },
  { code: '020101', name: '施工噪声', keywords: ['施工', '工地', '夜间施工', '打桩', '装修'], lead: 'ecology' },
  { code: '020102', name: '社会生活噪声', keywords: ['广场舞', '音响', '喇叭', '扰民', '吵', '噪音'], lead: 'police' },
  { code: '0202', name: '大气污染' },
  { code: '020201', name: '工业废气', keywords: ['废气', '烟囱', '黑烟', '异味', '臭味', '刺鼻'], lead: 'ecology' },
  { code: '020202', name: '扬尘', keywords: ['扬尘', '灰尘', '渣土', '尘土'], lead: 'ecology', coUnits: ['cityManagement'] },
  { code: '0203', name: '水污染' },
  { code: '020301', name: '污水排放', keywords: ['污水', '排污', '河道', '黑臭', '偷排'], lead: 'ecology' },
  { code: '03', name: '市场监管' },
  { code: '0301', name: '食品安全' },
  { code: '030101', name: '过期变质食品', keywords: ['过期', '变质', '发霉', '保质期', '食品'], lead: 'market' },
  { code: '030102', name: '餐饮卫生', keywords: ['饭店', '餐馆', '卫生', '苍蝇', '后厨', '食物中毒', '外卖'], lead: 'market' },
  { code: '0302', name: '价格监管' },
  { code: '030201', name: '价格欺诈', keywords: ['价格', '乱收费', '明码标价', '宰客', '多收'], lead: 'market' },
  { code: '0303', name: '消费维权' },
  { code: '030301', name: '商品质量', keywords: ['假货', '质量问题', '退货', '假冒', '退款'], lead: 'market' },
  { code: '04', name: '公用事业' },
  { code: '0401', name: '供水' },
  { code: '040101', name: '停水', keywords: ['停水', '没水', '来水', '水压', '水小'], lead: 'water' },
  { code: '040102', name: '管道漏水', keywords: ['漏水', '水管', '爆管', '冒水', '水表'], lead: 'water' },
  { code: '0402', name: '供电' },
  { code: '040201', name: '停电', keywords: ['停电', '断电', '没电', '跳闸', '电压', '电线'], lead: 'power' },
  { code: '0403', name: '燃气' },
  { code: '040301', name: '燃气泄漏', keywords: ['煤气味', '泄漏', '漏气', '燃气味'], lead: 'gas' },
  { code: '040302', name: '燃气报修', keywords: ['燃气表', '燃气灶', '点不着', '打不着火', '燃气', '天然气'], lead: 'gas' },
  { code: '05', name: '交通运输' },
  { code: '0501', name: '公共交通' },
  { code: '050101', name: '公交服务', keywords: ['公交', '公交车', '甩站', '公交司机', '班次'], lead: 'transport' },
  { code: '050102', name: '出租车', keywords: ['出租车', '拒载', '绕路', '打表', '网约车'], lead: 'transport' },
  { code: '0502', name: '交通秩序' },
  { code: '050201', name: '交通信号与违停', keywords: ['红绿灯', '信号灯', '违停', '乱停车', '堵车'], lead: 'police' },
  { code: '06', name: '社会保障' },
  { code: '0601', name: '社会保险' },
  { code: '060101', name: '社保卡', keywords: ['社保卡', '社保'], lead: 'hrss' },
  { code: '060102', name: '养老保险', keywords: ['养老', '退休', '养老金'], lead: 'hrss' },
  { code: '060103', name: '医疗保险', keywords: ['医保', '报销', '异地就医', '看病'], lead: 'medical' },
  { code: '0602', name: '住房保障' },
  { code: '060201', name: '住房公积金', keywords: ['公积金'], lead: 'fund' },
  { code: '0603', name: '劳动就业' },
  { code: '060301', name: '欠薪', keywords: ['工资', '欠薪', '拖欠', '农民工', '讨薪'], lead: 'hrss' },
  { code: '07', name: '公共安全' },
  { code: '0701', name: '治安管理' },
  { code: '070101', name: '犬只管理', keywords: ['狗', '犬', '遛狗', '狗咬', '流浪狗'], lead: 'police' },
  { code: '070102', name: '户籍证件', keywords: ['身份证', '户口', '居住证', '落户'], lead: 'police' },
];
