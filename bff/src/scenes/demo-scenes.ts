import type { DemoUnitRole } from '../catalog/demo-units';

/** The demo city's printed code points; fixed scene codes so a printed demo poster keeps working. */
export interface DemoScene {
  scene: string;
  name: string;
  address: string;
  location: { lat: number; lng: number };
  region: DemoUnitRole;
  defaultUnit: DemoUnitRole;
  categories: string[];
}

export const DEMO_SCENES: readonly DemoScene[] = [
  { scene: 'demo-renminlu', name: '人民路街道·锦绣花园小区南门', address: '甘肃省白银市白银区人民路128号', location: { lat: 36.5458, lng: 104.1739 }, region: 'renminluStreet', defaultUnit: 'renminluStreet', categories: ['010102', '010103', '010101'] },
  { scene: 'demo-silonglu-park', name: '四龙路公园', address: '甘肃省白银市白银区四龙路与友好路交叉口', location: { lat: 36.5512, lng: 104.1655 }, region: 'silongluStreet', defaultUnit: 'silongluStreet', categories: ['020102', '010101', '010103'] },
  { scene: 'demo-zhengwu', name: '白银市政务服务中心', address: '甘肃省白银市白银区北京路9号', location: { lat: 36.5421, lng: 104.1872 }, region: 'baiyinDistrict', defaultUnit: 'govService', categories: ['060101', '060201', '070102'] },
  { scene: 'demo-gongyuanlu-market', name: '公园路农贸市场', address: '甘肃省白银市白银区公园路66号', location: { lat: 36.5389, lng: 104.1701 }, region: 'gongyuanluStreet', defaultUnit: 'gongyuanluStreet', categories: ['030101', '030201', '010102'] },
];
