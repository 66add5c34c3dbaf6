import { normalizeNumerals, pseudonym, redact } from '../../bff/src/cases/redact';

describe('public cases: personal data removed (004 §15)', () => {
  it('when a phone is written in Chinese numerals (幺 included) or full-width digits, then it is found and removed; short numerals stay words', () => {
    expect(normalizeNumerals('电话一三八幺二三四五六七八，３号楼，两天')).toBe('电话13812345678，3号楼，两天');
    const r = redact('电话一三八一二三四五六七八或１３９ １２３４ ５６７８');
    expect(r.text).toBe('电话[电话已隐去]或[电话已隐去]');
    expect(r.found.phone).toBe(2);
  });

  it('when a room number follows its unit or 房间, then it is removed too', () => {
    expect(redact('幸福小区2单元501门口，房间1203漏水').text).toBe('幸福小区门口，房间漏水');
  });

  it('when the text has mobile and landline numbers, then both are removed', () => {
    const r = redact('请联系我13812345678或0943-8221234，也可打138 1234 5678');
    expect(r.text).not.toMatch(/1381234|8221234|5678/);
    expect(r.found.phone).toBe(3);
  });

  it('when the text has an ID card number, then it is removed (18 digits with X, and 15 digits)', () => {
    const r = redact('身份证号62040219850312123X，旧证620402850312123');
    expect(r.text).toBe('身份证号[身份证号已隐去]，旧证[身份证号已隐去]');
  });

  it('when the contact name appears, then every occurrence becomes surname + 某', () => {
    const r = redact('张伟反映：小区路灯坏了。张伟表示已多次反映。', { names: ['张伟'] });
    expect(r.text).toBe('张某反映：小区路灯坏了。张某表示已多次反映。');
    expect(r.found.name).toBe(2);
  });

  it('when a name follows a cue word (我叫/姓名), then it is pseudonymised; a compound surname keeps both characters', () => {
    expect(redact('我叫王小明，住在附近').text).toBe('我叫王某，住在附近');
    expect(redact('联系人：欧阳娜娜').text).toBe('联系人：欧阳某');
    expect(pseudonym('欧阳娜娜')).toBe('欧阳某');
    expect(pseudonym('Alice')).toBe('某人');
  });

  it('when the address has building, unit and room, then it is cut to street level and the street is kept', () => {
    const r = redact('白银区人民路123号幸福小区3号楼2单元501室门口的路灯坏了');
    expect(r.text).toBe('白银区人民路幸福小区门口的路灯坏了');
    expect(r.found.address).toBe(4);
  });

  it('when the address uses dashes or Chinese numerals, then the detail is dropped too', () => {
    expect(redact('住在建设街3-2-501，五楼楼道灯坏了').text).toBe('住在建设街，楼道灯坏了');
    expect(redact('胜利街十二号院').text).toBe('胜利街');
  });

  it('when a licence plate appears, then only the province and city letter stay', () => {
    expect(redact('车牌甘D12345的车天天堵门').text).toBe('车牌甘D*****的车天天堵门');
  });

  it('when the text is about 楼下 or 路灯, then nothing is removed', () => {
    const r = redact('楼下饭店油烟很大，路灯也不亮');
    expect(r.text).toBe('楼下饭店油烟很大，路灯也不亮');
    expect(r.found).toEqual({});
  });
});
