/**
 * The demo city: Baiyin (白银市), whose regulation (seed 000) names the 「码上反映·马上办理」
 * platform. Two districts with streets and communities (city → district → street →
 * community, 003 §5), ten city departments and three public utilities on 24-hour duty
 * (000 §16, 001 §20). Keys are stable handles for code that needs a demo unit's id.
 */
import type { StaffRole, UnitKind, UnitLevel } from '@mashang/shared';

export interface DemoUnit {
  key: string;
  name: string;
  level: UnitLevel;
  kind: UnitKind;
  parent?: string;
}

export const DEMO_UNITS: readonly DemoUnit[] = [
  { key: 'city', name: '白银市', level: 'city', kind: 'government' },
  { key: 'baiyinDistrict', name: '白银区', level: 'district', kind: 'government', parent: 'city' },
  { key: 'pingchuanDistrict', name: '平川区', level: 'district', kind: 'government', parent: 'city' },
  { key: 'silongluStreet', name: '四龙路街道', level: 'street', kind: 'street-office', parent: 'baiyinDistrict' },
  { key: 'renminluStreet', name: '人民路街道', level: 'street', kind: 'street-office', parent: 'baiyinDistrict' },
  { key: 'gongnongluStreet', name: '工农路街道', level: 'street', kind: 'street-office', parent: 'baiyinDistrict' },
  { key: 'changzhengStreet', name: '长征街道', level: 'street', kind: 'street-office', parent: 'pingchuanDistrict' },
  { key: 'gongyuanluStreet', name: '公园路街道', level: 'street', kind: 'street-office', parent: 'baiyinDistrict' },
  { key: 'silongCommunity', name: '四龙社区', level: 'community', kind: 'community', parent: 'silongluStreet' },
  { key: 'renminluCommunity', name: '人民路社区', level: 'community', kind: 'community', parent: 'renminluStreet' },
  { key: 'jinyuCommunity', name: '金鱼公园社区', level: 'community', kind: 'community', parent: 'renminluStreet' },
  { key: 'gongnongCommunity', name: '工农路社区', level: 'community', kind: 'community', parent: 'gongnongluStreet' },
  { key: 'changzhengCommunity', name: '长征社区', level: 'community', kind: 'community', parent: 'changzhengStreet' },
  { key: 'chengguan', name: '白银市城市管理局', level: 'city', kind: 'department', parent: 'city' },
  { key: 'zhujian', name: '白银市住房和城乡建设局', level: 'city', kind: 'department', parent: 'city' },
  { key: 'shichangjianguan', name: '白银市市场监督管理局', level: 'city', kind: 'department', parent: 'city' },
  { key: 'shengtaihuanjing', name: '白银市生态环境局', level: 'city', kind: 'department', parent: 'city' },
  { key: 'renshe', name: '白银市人力资源和社会保障局', level: 'city', kind: 'department', parent: 'city' },
  { key: 'gongjijin', name: '白银市住房公积金管理中心', level: 'city', kind: 'department', parent: 'city' },
  { key: 'gongan', name: '白银市公安局', level: 'city', kind: 'department', parent: 'city' },
  { key: 'jiaotong', name: '白银市交通运输局', level: 'city', kind: 'department', parent: 'city' },
  { key: 'yibao', name: '白银市医疗保障局', level: 'city', kind: 'department', parent: 'city' },
  { key: 'govService', name: '白银市政务服务中心', level: 'city', kind: 'department', parent: 'city' },
  { key: 'water', name: '白银市供水公司', level: 'city', kind: 'utility', parent: 'city' },
  { key: 'power', name: '国网白银供电公司', level: 'city', kind: 'utility', parent: 'city' },
  { key: 'gas', name: '白银市燃气公司', level: 'city', kind: 'utility', parent: 'city' },
];

export interface DemoStaff {
  key: string;
  username: string;
  name: string;
  roles: StaffRole[];
  unit?: string;
}

/** One account per role, and handlers for a department, a district, a street, a community and a utility. */
export const DEMO_STAFF: readonly DemoStaff[] = [
  { key: 'admin', username: 'demo-admin', name: '演示管理员', roles: ['admin'] },
  { key: 'operator', username: 'demo-operator', name: '王受理', roles: ['operator'] },
  { key: 'dispatcher', username: 'demo-dispatcher', name: '李派单', roles: ['dispatcher'] },
  { key: 'supervisor', username: 'demo-supervisor', name: '赵督办', roles: ['supervisor'] },
  { key: 'visitor', username: 'demo-visitor', name: '刘回访', roles: ['visitor'] },
  { key: 'chengguanHandler', username: 'demo-chengguan', name: '张城管', roles: ['handler'], unit: 'chengguan' },
  { key: 'zhujianHandler', username: 'demo-zhujian', name: '陈住建', roles: ['handler'], unit: 'zhujian' },
  { key: 'renminluHandler', username: 'demo-renminlu', name: '周街道', roles: ['handler'], unit: 'renminluStreet' },
  // The levels below and above the street, for the bottom-up flow (004 §7-9): a community, the district.
  { key: 'jinyuHandler', username: 'demo-jinyu', name: '孙社区', roles: ['handler'], unit: 'jinyuCommunity' },
  { key: 'baiyinDistrictHandler', username: 'demo-baiyinqu', name: '郑区指挥中心', roles: ['handler'], unit: 'baiyinDistrict' },
  { key: 'waterHandler', username: 'demo-water', name: '吴供水', roles: ['handler'], unit: 'water' },
];
