/** Compound surnames first: 欧阳娜娜 is 欧阳 + 娜娜, not 欧 + 阳娜娜. */
export const COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐', '澹台', '独孤', '南宫', '西门', '端木', '轩辕'] as const;

/** The common single-character surnames (covering the vast majority of people in China). */
export const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝',
]);

/** Surname of a Chinese full name (compound first), or null when the name does not start with one. */
export function surnameOf(name: string): string | null {
  const n = name.trim();
  const compound = COMPOUND_SURNAMES.find((s) => n.startsWith(s));
  if (compound) return n.length > compound.length ? compound : null;
  const first = [...n][0];
  return first && SURNAMES.has(first) && [...n].length >= 2 ? first : null;
}
