import { csvDocument, csvField, csvLines } from '../../bff/src/reports/csv';
import { attachmentDisposition, rfc5987 } from '../../bff/src/reports/content-disposition';

describe('report file formats', () => {
  it('when a field has a comma, quote or line break, then it is quoted and quotes are doubled', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('说"好"')).toBe('"说""好"""');
    expect(csvField('一\n二')).toBe('"一\n二"');
    expect(csvField(0.5)).toBe('0.5');
    expect(csvField(null)).toBe('');
  });

  it('when a field starts with = or +, then it is defused against formula injection', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
  });

  it('when building a document, then it starts with the UTF-8 BOM and uses CRLF', () => {
    const doc = csvDocument([{ title: '单位', lines: csvLines([{ header: '名称', value: (r: { n: string }) => r.n }], [{ n: '城管局' }]) }]);
    expect(doc.charCodeAt(0)).toBe(0xfeff);
    expect(doc).toBe('\uFEFF单位\r\n名称\r\n城管局\r\n');
  });

  it('when the file name is Chinese, then filename* carries it RFC 5987-encoded and filename an ASCII fallback', () => {
    expect(rfc5987('月报 2026-11.csv')).toBe('%E6%9C%88%E6%8A%A5%202026-11.csv');
    const header = attachmentDisposition('月报.csv', 'report.csv');
    expect(header).toBe(`attachment; filename="report.csv"; filename*=UTF-8''%E6%9C%88%E6%8A%A5.csv`);
    expect(decodeURIComponent(header.split("''")[1])).toBe('月报.csv');
  });
});
